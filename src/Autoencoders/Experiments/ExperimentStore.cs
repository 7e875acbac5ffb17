using Autoencoders.Training;

namespace Autoencoders.Experiments;

/// <summary>
/// Everything one `verify` run or one test run has trained, evaluated and measured, keyed by the experiment's
/// configuration record (<see cref="ConfigurationKey"/>). Created by the run and handed to every check through its
/// context; disposed (with the networks it holds) when the run ends. A run that throws leaves nothing behind: the
/// next request runs it again, and the caller reports the failure. One experiment runs at a time (two trainings on two
/// cores slow each other badly); experiments that build on others re-enter the store.
/// </summary>
public sealed class ExperimentStore(Action<string>? log = null) : IDisposable
{
    readonly object gate = new();
    readonly Dictionary<string, object> results = new();
    bool disposed;

    /// <summary>Progress lines from the experiments (training steps, cache hits).</summary>
    public Action<string>? Log { get; } = log;

    /// <summary>How many distinct experiments this store holds.</summary>
    public int Count { get { lock (gate) return results.Count; } }

    /// <summary>The result of <paramref name="experiment"/>: kept from an earlier request, or run now and kept.</summary>
    public TResult Get<TResult>(IExperiment<TResult> experiment) where TResult : notnull
    {
        string key = ConfigurationKey.Text(experiment);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (results.TryGetValue(key, out var kept)) return (TResult)kept;
            var result = experiment.Run(this);
            results[key] = result;
            return result;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            foreach (var value in results.Values)
            {
                if (value is IDisposable d) d.Dispose();
                else if (value is IEnumerable<IDisposable> many) foreach (var m in many) m.Dispose();
            }
            results.Clear();
        }
    }
}
