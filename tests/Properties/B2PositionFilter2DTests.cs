using Autoencoders.Data;
using Autoencoders.Runtime;
using Autoencoders.Theory;
using static TorchSharp.torch;

namespace Autoencoders.Tests.Properties;

/// <summary>
/// B2's theory (#20): Prop. 3 in 2-D. A plain strided-convolution encoder with separable filters, one channel per
/// coordinate and one for the mass, extracts the position of a one-hot pixel and the centre of a Not-so-Clevr square
/// exactly, for every position; with stride 3 it does not (the control, as P2's).
/// </summary>
public class B2PositionFilter2DTests
{
    [Test]
    public void Every_one_hot_pixel_of_every_power_of_two_image_gives_n_minus_its_column_and_row()
    {
        TorchRuntime.Initialise();
        for (int layers = 1; layers <= 6; layers++)
        {
            int n = 1 << layers;
            using var scope = NewDisposeScope();
            using var net = PositionFilter2D.Network(n);
            var e = PositionFilter2D.Encode(net, eye(n * n).view(n * n, n, n)); // image k is the one-hot at row k / n, column k % n
            for (int k = 0; k < n * n; k++)
            {
                int a = k % n, b = k / n;
                Assert.That(e[k], Is.EqualTo(new float[] { n - a, n - b, 1 }), $"n = {n}, one-hot at column {a}, row {b}");
            }
        }
    }

    [Test]
    public void Every_not_so_clevr_square_gives_81_times_its_inverted_centre_and_its_mass()
    {
        TorchRuntime.Initialise();
        using var scope = NewDisposeScope();
        using var net = PositionFilter2D.Network(NotSoClevr.Canvas);
        var centres = NotSoClevr.Centres;
        Assert.That(centres, Has.Count.EqualTo(56 * 56));
        var images = tensor(centres.SelectMany(c => NotSoClevr.Square(c.X, c.Y)).ToArray(), [centres.Count, 64, 64]);
        var e = PositionFilter2D.Encode(net, images);
        for (int k = 0; k < centres.Count; k++)
            Assert.That(e[k], Is.EqualTo(new float[] { 81 * (64 - centres[k].X), 81 * (64 - centres[k].Y), 81 }), $"square at {centres[k]}");
    }

    [Test]
    public void A_sub_pixel_square_is_located_by_its_centroid_to_float_precision()
    {
        // Linear, so E gives the mass-weighted inverted centroid of any image; the exact rendering's centroid is the centre.
        TorchRuntime.Initialise();
        using var scope = NewDisposeScope();
        using var net = PositionFilter2D.Network(NotSoClevr.Canvas);
        var random = new Random(20);
        var centres = Enumerable.Range(0, 200).Select(_ => (X: 4 + 55 * random.NextDouble(), Y: 4 + 55 * random.NextDouble())).ToArray();
        var e = PositionFilter2D.Encode(net, tensor(centres.SelectMany(c => NotSoClevr.Square(c.X, c.Y)).ToArray(), [centres.Length, 64, 64]));
        for (int k = 0; k < centres.Length; k++)
        {
            double x = 64 - e[k][PositionFilter2D.X] / e[k][PositionFilter2D.Mass], y = 64 - e[k][PositionFilter2D.Y] / e[k][PositionFilter2D.Mass];
            Assert.That(x, Is.EqualTo(centres[k].X).Within(1e-4), $"x of the square at {centres[k]}");
            Assert.That(y, Is.EqualTo(centres[k].Y).Within(1e-4), $"y of the square at {centres[k]}");
        }
    }

    [Test]
    public void Negative_control_with_stride_3_the_column_code_is_neither_injective_nor_affine()
    {
        TorchRuntime.Initialise();
        // Stride 2 through the same code path gives Prop. 3 exactly, so the control's failure is the stride's.
        Assert.That(PositionFilter2D.EncodeColumnsWithStride(2, 4), Is.EqualTo(Enumerable.Range(0, 16).Select(a => 16f - a).ToArray()));
        var three = PositionFilter2D.EncodeColumnsWithStride(3, 3);
        bool affine = Enumerable.Range(1, three.Length - 2).All(a => Math.Abs(three[a + 1] - 2 * three[a] + three[a - 1]) < 1e-4);
        bool injective = three.Distinct().Count() == three.Length;
        Assert.That(affine || injective, Is.False, "stride 3: " + string.Join(",", three));
    }

    [Test]
    public void The_square_renderer_is_exact_and_refuses_squares_off_the_canvas()
    {
        var block = NotSoClevr.Square(4, 59);
        Assert.That(block.Sum(), Is.EqualTo(81f));
        Assert.That(block[59 * 64 + 0], Is.EqualTo(1f));
        Assert.That(block[54 * 64 + 8], Is.EqualTo(0f).And.Not.EqualTo(block[55 * 64 + 8]));
        var half = NotSoClevr.Square(10.5, 20);
        Assert.That(half[20 * 64 + 6], Is.EqualTo(0.5f), "a half-pixel shift covers the edge pixels by half");
        Assert.That(half.Sum(), Is.EqualTo(81f).Within(1e-4));
        Assert.Throws<ArgumentException>(() => NotSoClevr.Square(3.9, 30));
        Assert.Throws<ArgumentException>(() => NotSoClevr.Square(30, 59.6));
    }
}
