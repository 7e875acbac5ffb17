using System.Diagnostics;
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
    readonly List<ExperimentTiming> timings = [];
    // Wall time of the experiments that the running ones requested (one entry per open Get), so each gets its own time.
    readonly Stack<TimeSpan> nested = new();
    bool disposed;

    /// <summary>Progress lines from the experiments (training steps, cache hits).</summary>
    public Action<string>? Log { get; } = log;

    /// <summary>How many distinct experiments this store holds.</summary>
    public int Count { get { lock (gate) return results.Count; } }

    /// <summary>Where the run's time went: every experiment this store ran (those that threw too, marked), in the order they ended.</summary>
    public IReadOnlyList<ExperimentTiming> Timings { get { lock (gate) return timings.ToArray(); } }

    /// <summary>The result of <paramref name="experiment"/>: kept from an earlier request, or run now and kept.</summary>
    public TResult Get<TResult>(IExperiment<TResult> experiment) where TResult : notnull
    {
        string key = ConfigurationKey.Text(experiment);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (results.TryGetValue(key, out var kept)) return (TResult)kept;
            var clock = Stopwatch.StartNew();
            nested.Push(TimeSpan.Zero);
            TResult result;
            TimeSpan inner, elapsed;
            bool failed = true;
            try
            {
                result = experiment.Run(this);
                failed = false;
            }
            finally
            {
                elapsed = clock.Elapsed;
                inner = nested.Pop();
                // The caller's own time excludes this experiment's, whether it succeeded or threw.
                if (nested.Count > 0) nested.Push(nested.Pop() + elapsed);
                timings.Add(new ExperimentTiming(experiment.GetType().Name, key[(key.IndexOf(' ') + 1)..], elapsed - inner, elapsed, failed));
            }
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
