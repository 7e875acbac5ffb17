using Autoencoders.Configuration;
using Autoencoders.Data;
using Autoencoders.Experiments;

namespace Autoencoders.Claims;

/// <summary>
/// What a check may use: the tier's budget, the run's experiment store (trained networks and measures, shared by
/// every check of the run) and a folder for its figures. Checks judge; what they judge comes from the store.
/// </summary>
public sealed record ClaimContext(Budget Budget, ExperimentStore Store, string FigureDirectory)
{
    public Tier Tier => Budget.Tier;

    /// <summary>
    /// The shape family the disk claims run on: the paper's disks, or (B1) squares or ellipses, which run the same
    /// checks on a suite of the same budgets with the shape's size for the radius.
    /// </summary>
    public ShapeKind Shape { get; init; } = ShapeKind.Disk;

    /// <summary>Put before every figure's file name (B1's runs on other shapes: "b1_squares_"), so figures of one report never collide.</summary>
    public string FigurePrefix { get; init; } = "";

    /// <summary>The disk autoencoders of this budget (D2–D11), on <see cref="Shape"/>.</summary>
    public DiskSuite Disks => DiskSuite.For(Budget, Shape);

    /// <summary>The result of an experiment, from the store.</summary>
    public T Get<T>(IExperiment<T> experiment) where T : notnull => Store.Get(experiment);

    /// <summary>Each model of a disk training on the 64 held-out test radii.</summary>
    public DiskEvaluation[] Evaluate(DiskExperiment training) => Store.Get(new DiskEvaluations(training));

    /// <summary>
    /// Whether each model of a disk training trained (the one rule, <see cref="Analysis.Trainability"/>), on its own
    /// radii; a bias-free decoder (Prop. 1: rank one on each sign of the code, whatever the encoder) is measured above
    /// the rank-one floor.
    /// </summary>
    public Analysis.Trainability[] Trainability(DiskExperiment training) =>
        Evaluate(training).Select(e => e.Trainability(training.TrainingRange, biasFree: !training.Config.DecoderBias)).ToArray();

    /// <summary>What would decide a claim this tier leaves undecided: the next tier, or fresh seeds at the last one.</summary>
    public string MoreSeeds => Tier switch
    {
        Tier.Default => "the Experiment tier",
        Tier.Experiment => "the Gpu tier, or fresh seeds with `verify --seed N`",
        _ => "fresh seeds with `verify --seed N`",
    };

    /// <summary>
    /// False where a test runs a check many times to scan its inputs (D7's control over a thousand draws): the check
    /// then skips its figures, which would only be drawn over each other.
    /// </summary>
    public bool DrawFigures { get; init; } = true;

    public string FigurePath(string name) => Path.Combine(FigureDirectory, FigurePrefix + name);
}

/// <summary>Thrown by a check that does not run at the requested tier (reported as SKIPPED, with the reason).</summary>
public sealed class ClaimSkippedException(string reason) : Exception(reason);
