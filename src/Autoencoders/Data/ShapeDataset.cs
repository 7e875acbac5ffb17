using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Data;

/// <summary>
/// A set of rendered images with the parameter each was drawn from (radius, side, …): the one dataset type every
/// experiment trains and measures on. Images are a float32 tensor [N, m, m] on the CPU; models move batches.
/// </summary>
public sealed class ShapeDataset : IDisposable
{
    public double[] Parameters { get; }
    public Tensor Images { get; }
    public ImageGrid Grid { get; }

    public ShapeDataset(double[] parameters, Tensor images, ImageGrid grid)
    {
        if (images.shape.Length != 3 || images.shape[0] != parameters.Length || images.shape[1] != grid.Size || images.shape[2] != grid.Size)
            throw new ArgumentException($"images of shape [{string.Join(", ", images.shape)}] do not match {parameters.Length} parameters on a {grid.Size}×{grid.Size} grid");
        Parameters = parameters;
        Images = images;
        Grid = grid;
    }

    public int Count => Parameters.Length;

    /// <summary>
    /// Renders one image per parameter, on as many threads as the runtime is told to use (each image is independent
    /// and seeded by itself, so the result does not depend on the count; unbounded, a 16-core host ran 16).
    /// </summary>
    public static ShapeDataset Render(IShapeRenderer renderer, double[] parameters, Func<double, IShape> shapeOf) =>
        new(parameters, RenderImages(renderer, parameters.Length, k => shapeOf(parameters[k])), renderer.Grid);

    /// <summary>Renders the given shapes, each labelled with its parameter (e.g. one semi-axis of a shape that has two).</summary>
    public static ShapeDataset Render(IShapeRenderer renderer, IShape[] shapes, double[] parameters) =>
        shapes.Length == parameters.Length ? new(parameters, RenderImages(renderer, shapes.Length, k => shapes[k]), renderer.Grid)
            : throw new ArgumentException($"{shapes.Length} shapes but {parameters.Length} parameters");

    static Tensor RenderImages(IShapeRenderer renderer, int count, Func<int, IShape> shapeAt)
    {
        int m = renderer.Grid.Size;
        var pixels = new float[count * m * m];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Runtime.TorchRuntime.Threads }, k => renderer.Render(shapeAt(k)).CopyTo(pixels, k * m * m));
        return tensor(pixels, new long[] { count, m, m });
    }

    /// <summary>Centred disks with the given radii.</summary>
    public static ShapeDataset Disks(IShapeRenderer renderer, double[] radii) =>
        Render(renderer, radii, r => Disk.Centred(renderer.Grid, r));

    /// <summary>Centred disks with <paramref name="count"/> radii drawn uniformly from <paramref name="range"/>.</summary>
    public static ShapeDataset Disks(IShapeRenderer renderer, RadiusRange range, int count, int seed) =>
        Disks(renderer, range.CheckFits(renderer.Grid).Sample(count, seed));

    /// <summary>Centred members of <paramref name="family"/> with the given sizes (radius, half-side, semi-major axis).</summary>
    public static ShapeDataset Of(ShapeFamily family, IShapeRenderer renderer, double[] sizes) =>
        family.Kind == ShapeKind.Disk ? Disks(renderer, sizes) : Render(renderer, sizes, s => family.ShapeOf(renderer.Grid, s));

    /// <summary>Centred members of <paramref name="family"/> with <paramref name="count"/> sizes drawn uniformly from <paramref name="range"/>.</summary>
    public static ShapeDataset Of(ShapeFamily family, IShapeRenderer renderer, RadiusRange range, int count, int seed) =>
        Of(family, renderer, range.CheckFits(renderer.Grid).Sample(count, seed));

    public void Dispose() => Images.Dispose();
}
