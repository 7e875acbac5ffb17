using FsCheck;
using FsCheck.Fluent;

namespace Autoencoders.Tests;

/// <summary>
/// The random inputs of the property tests, one named Arbitrary per quantity, so each property reads as
/// "for all <c>BadRadii</c>…" and its range is stated once, next to the reason for it.
/// </summary>
public static class Arbitraries
{
    // ---- Bad input (BadInputTests) ----

    /// <summary>Radii a disk on the 64-px image must refuse: negative, beyond the image's 32 (to 1000, in steps of 0.01), NaN or infinite.</summary>
    public static Arbitrary<double> BadRadii => Arb.From(Gen.OneOf(
        Gen.Choose(-100000, -1).Select(v => v / 100.0),
        Gen.Choose(3201, 100000).Select(v => v / 100.0),
        Gen.Elements(double.NaN, double.PositiveInfinity)));

    /// <summary>Signal lengths in [−5, 5000] that are not powers of two (including 0, 1 and negatives), which the Dirac code refuses.</summary>
    public static Arbitrary<int> NonPowersOfTwo => Arb.From(Gen.Choose(-5, 5000).Where(n => n < 2 || (n & (n - 1)) != 0));

    /// <summary>Positions outside a 64-sample signal: [−1000, −1] or [64, 1000], which one-hot and triangular Diracs refuse.</summary>
    public static Arbitrary<int> PositionsOutside64 => Arb.From(Gen.OneOf(Gen.Choose(-1000, -1), Gen.Choose(64, 1000)));

    /// <summary>Byte arrays of random length and content: garbage that must never load as a checkpoint.</summary>
    public static Arbitrary<byte[]> RandomBytes => Arb.From(Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)));

    // ---- Disk dataset (AppADiskDatasetTests) ----

    /// <summary>Disk radii r ∈ [2, 16] in steps of 0.1: on a 32×32 grid, enough boundary pixels for a stable RMS of the Monte Carlo noise.</summary>
    public static Arbitrary<double> DiskRadii => Arb.From(Gen.Choose(20, 160).Select(v => v / 10.0));

    /// <summary>Blur widths σ ∈ [0.3, 2] in steps of 0.1: from barely blurred to several pixels, the paper's range around σ = 1.</summary>
    public static Arbitrary<double> BlurSigmas => Arb.From(Gen.Choose(3, 20).Select(v => v / 10.0));

    // ---- Our convolution kernels (StridedConvKernelTests) ----

    /// <summary>
    /// Layer shapes (batch 1–5, input and output depths 1–8, larger side n ∈ {16, 32, 48, 64, 80}): every 2-D layer of
    /// the paper's networks whose side our kernels take (n/2 a multiple of 8), the depths around them, and the sides
    /// (48, 80) whose rows mix the kernels' two-vector and one-vector paths.
    /// </summary>
    public static Arbitrary<(int Batch, int In, int Out, int N)> ConvShapes => Arb.From(
        from b in Gen.Choose(1, 5) from i in Gen.Choose(1, 8) from o in Gen.Choose(1, 8) from n in Gen.Elements(16, 32, 48, 64, 80) select (b, i, o, n));

    // ---- Position filter (Prop3PositionFilterTests) ----

    /// <summary>Depths L ∈ [1, 10] of the [1, 2, 1] network: signals of 2 to 1024 samples, as Prop. 3 covers every L.</summary>
    public static Arbitrary<int> FilterLayers => Arb.From(Gen.Choose(1, 10));

    /// <summary>Non-zero filter scales b ∈ [−10, 10] in steps of 0.01: Prop. 3 holds for any scaled filter bφ, b ≠ 0.</summary>
    public static Arbitrary<float> FilterScales => Arb.From(Gen.OneOf(Gen.Choose(-1000, -1), Gen.Choose(1, 1000)).Select(v => v / 100f));

    // ---- Homogeneity (Prop1HomogeneityTests) ----

    /// <summary>λ ∈ [1e-6, 1e6], log-uniform, plus exactly 1e-6, 1 and 1e6: Prop. 1 claims D(λz) = λD(z) for every λ &gt; 0.</summary>
    public static Arbitrary<double> PositiveLambdas => Arb.From(Gen.OneOf(
        Gen.Choose(-6000, 6000).Select(e => Math.Pow(10, e / 1000.0)),
        Gen.Elements(1e-6, 1.0, 1e6)));

    /// <summary>λ ∈ [−1e6, −1.0023], log-uniform: outside Prop. 1's hypothesis, so the negative control must find a counterexample.</summary>
    public static Arbitrary<double> NegativeLambdas => Arb.From(Gen.Choose(1, 6000).Select(e => -Math.Pow(10, e / 1000.0)));

    /// <summary>Codes z ∈ [−10, 10] in steps of 0.001, plus exactly 0, 1 and −1: the inputs scaled by λ, the edge cases included.</summary>
    public static Arbitrary<double> Codes => Arb.From(Gen.OneOf(Gen.Choose(-10000, 10000).Select(v => v / 1000.0), Gen.Elements(0.0, 1.0, -1.0)));

    // ---- Dirac peaks (Eq19DiracPeaksTests) ----

    /// <summary>Real positions a ∈ [0, 63] in steps of 0.001 on a 64-sample signal: the whole range the peak read-out must recover.</summary>
    public static Arbitrary<double> TriangularDiracPositions => Arb.From(Gen.Choose(0, 63_000).Select(i => i / 1000.0));

    // ---- Command line (CommandLineTests) ----

    /// <summary>Up to 6 tokens drawn from the CLI's own commands, options and typical values (and junk): random command lines the parser must accept or refuse cleanly.</summary>
    public static Arbitrary<string[]> CommandLineTokens => Arb.From(Gen.ArrayOf(Gen.Elements(
            "verify", "bench", "cache", "--tier", "--claims", "--out", "--seed", "--models", "--steps", "--device",
            "x", "-1", "7", "D3,Z9", "D3", "", "--", "gpu", "clear", "cuda"))
        .Select(a => a.Take(6).ToArray()));
}
