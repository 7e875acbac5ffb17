using Autoencoders.Experiments;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>D5: a bias-free encoder (decoder with biases) reconstructs about as well as the full network.</summary>
public sealed class D5BiasFreeEncoder : DiskClaimCheck<D5BiasFreeEncoder.Seed>
{
    public override string Id => "D5";
    public const double MaxRatio = 2.0;

    public sealed record Seed(double BiasFreeEncoderError, double FullError, double NoBiasError) : ISeedMeasurement
    {
        public double Ratio => BiasFreeEncoderError / FullError;
        /// <summary>Negative control: removing the decoder's biases too must break the ratio (D6).</summary>
        public double ControlRatio => NoBiasError / FullError;
        public bool Held => Ratio < MaxRatio;
        public string? FailedControl => ControlRatio >= MaxRatio ? null : $"the network with no bias at all reaches a ratio {ControlRatio:0.00} (< {MaxRatio})";
        public IEnumerable<(string, double)> Metrics() =>
            [("ratio_bias_free_encoder", Ratio), ("relative_error_bias_free_encoder", BiasFreeEncoderError), ("relative_error_full", FullError), ("control_ratio_no_biases", ControlRatio)];
    }


    protected override IEnumerable<DiskExperiment> Subjects(DiskSuite suite, ClaimContext context) => [suite.Full, suite.BiasFreeEncoder, suite.BiasFree];

    protected override Seed MeasureSeed(DiskSuite suite, int k, ClaimContext context)
    {
        double Error(DiskExperiment e) => context.Evaluate(e)[k].Reconstruction().RelativeError;
        return new(Error(suite.BiasFreeEncoder), Error(suite.Full), Error(suite.BiasFree));
    }

    /// <summary>Each network's error on the held-out test sizes (first seed): the bias-free encoder's beside the full network's, and the control's with no bias at all.</summary>
    protected override List<string> Draw(DiskSuite suite, ClaimContext context)
    {
        Figures.Series Errors(string name, DiskExperiment e)
        {
            var evaluation = context.Evaluate(e)[0];
            return new(name, evaluation.Radii, evaluation.SquaredErrors);
        }
        // The figure shows the first seed whatever it did; one whose networks did not train is out of the verdict, and the title says so.
        bool trained = Subjects(suite, context).All(e => context.Trainability(e)[0].Trained);
        return [Figures.Lines(context.FigurePath("d5_bias_free_encoder_errors.png"),
            $"D5: reconstruction error of held-out {suite.Full.Family.Name}, with and without encoder biases (seed {suite.Full.Seeds[0]}{(trained ? "" : ", did not train: not in the verdict")})",
            "size of the held-out shape (pixels)", "squared error ‖y − x‖²",
            [Errors("full network", suite.Full), Errors("bias-free encoder", suite.BiasFreeEncoder), Errors("no bias at all (control)", suite.BiasFree)])];
    }

    protected override string Describe(IReadOnlyList<Seed> s) =>
        $"error ratio (bias-free encoder / full) {Range(s, m => m.Ratio, "0.00")} (< {MaxRatio}); control without any bias {Range(s, m => m.ControlRatio, "0.0")}";
}
