namespace Autoencoders.Experiments;

/// <summary>
/// One experiment's part of a run's wall time: <paramref name="Own"/> leaves out the experiments it requested (their
/// own entries), <paramref name="Total"/> includes them. A training found in the model cache costs only its loading.
/// </summary>
/// <param name="Kind">The experiment's type (DiskExperiment, DiskEvaluations, GanExperiment, …).</param>
/// <param name="Configuration">Its configuration record as JSON (what it trained or measured).</param>
/// <param name="Failed">It threw (its time is still the run's; the store keeps no result, so a later request runs it again).</param>
public sealed record ExperimentTiming(string Kind, string Configuration, TimeSpan Own, TimeSpan Total, bool Failed = false);
