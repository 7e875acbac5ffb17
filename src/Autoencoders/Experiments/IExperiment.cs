namespace Autoencoders.Experiments;

/// <summary>
/// A configuration record that knows how to produce its result (a trained network, an evaluation, a measure). The
/// record is the identity: <see cref="ExperimentStore"/> runs each distinct configuration once per store, and
/// trained networks are kept across processes by the model cache, keyed by the same record.
/// </summary>
public interface IExperiment<out TResult> where TResult : notnull
{
    /// <summary>Produces the result; experiments it builds on come from <paramref name="store"/>.</summary>
    TResult Run(ExperimentStore store);
}
