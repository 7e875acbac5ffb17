using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Tests.Properties;

/// <summary>
/// Device placement, checked without a GPU (#17). Two mistakes only show on CUDA, where a move copies: a module that
/// keeps references to the Parameter objects it registered (Module.to replaces and disposes them: "Tensor invalid --
/// empty handle"), and a tensor created on the CPU inside a computation on the device. A dtype change copies the
/// parameters as a device move does, and libtorch's meta device (shapes, no data) refuses to mix with CPU tensors as
/// CUDA does, so both mistakes fail here.
/// </summary>
public class DevicePlacementTests
{
    static readonly Device Meta = new(DeviceType.META);

    [Test]
    public void A_stack_moved_by_to_computes_with_the_moved_weights()
    {
        TorchRuntime.Initialise();
        using var scope = NewDisposeScope();
        using var stack = new ConvStack("encoder", new ConvStackSpec([1, 8, 4, 1], Transposed: false, Bias: true), models: 2);
        stack.Initialise([1, 2], 0);
        var before = stack.forward(ones(3, 2, 16, 16)).to(ScalarType.Float64);
        stack.to(ScalarType.Float64);
        var registered = stack.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        for (int l = 0; l < 3; l++)
        {
            Assert.That(stack.Weights[l], Is.SameAs(registered[$"w{l}"]), $"weight of layer {l} is not the registered parameter after .to()");
            Assert.That(stack.Biases[l], Is.SameAs(registered[$"b{l}"]), $"bias of layer {l} is not the registered parameter after .to()");
            Assert.That(stack.Weights[l].dtype, Is.EqualTo(ScalarType.Float64));
        }
        var after = stack.forward(ones(3, 2, 16, 16, dtype: ScalarType.Float64));
        Assert.That((after - before).abs().max().item<double>(), Is.LessThan(1e-5), "the moved stack computes another function");
    }

    [TestCase(Regulariser.None)]
    [TestCase(Regulariser.LatentLocality)]
    [TestCase(Regulariser.AllWeights)]
    [TestCase(Regulariser.EncoderWeights)]
    public void A_regulariser_and_the_optimiser_keep_every_tensor_on_the_model_device(Regulariser psi)
    {
        // libtorch has no meta kernel for convolutions or index_select, so the step's data term cannot run here;
        // the regularisers and Adam, which create tensors of their own, can.
        TorchRuntime.Initialise();
        using var scope = NewDisposeScope();
        using var model = new Autoencoder(AutoencoderConfig.Disk(), [1, 2]);
        model.to(Meta);
        var images = zeros([3, 2, 64, 64], device: Meta);
        var codes = zeros([3, 2], device: Meta, requires_grad: true);
        var neighbours = tensor(new long[] { 1, 2, 0, 2, 0, 1 }, [2, 3]).to(Meta);
        var value = Regularisers.Value(psi, model, images, codes, neighbours);
        Assert.That(value.device_type, Is.EqualTo(DeviceType.META));
        using var adam = new Adam(model.parameters(), 1e-3);
        foreach (var p in model.parameters()) p.grad = zeros_like(p);
        adam.Update();
        foreach (var (name, p) in model.named_parameters()) Assert.That(p.device_type, Is.EqualTo(DeviceType.META), name);
        Assert.That(adam.FirstMoments.Concat(adam.SecondMoments).All(t => t.device_type == DeviceType.META), "Adam's state left the device");
    }

    /// <summary>The fused Adam (CUDA's default) makes its flat buffers and its gathered gradient on the parameters' device.</summary>
    [Test]
    public void The_fused_optimiser_keeps_every_tensor_on_the_model_device()
    {
        TorchRuntime.Initialise();
        using var scope = NewDisposeScope();
        using var model = new Autoencoder(AutoencoderConfig.Disk(), [1, 2]);
        model.to(Meta);
        using var adam = new Adam(model.parameters(), 1e-3, fused: true);
        foreach (var p in model.parameters()) p.grad = zeros_like(p);
        adam.Update();
        foreach (var (name, p) in model.named_parameters()) Assert.That(p.device_type, Is.EqualTo(DeviceType.META), name);
        Assert.That(adam.FirstMoments.Concat(adam.SecondMoments).All(t => t.device_type == DeviceType.META), "Adam's state left the device");
    }

    [Test]
    public void Resuming_an_optimiser_made_before_the_model_moved_is_refused()
    {
        // The optimiser would step the parameters .to() replaced (disposed on CUDA) while the model trains the new ones.
        TorchRuntime.Initialise();
        using var scope = NewDisposeScope();
        using var model = new Autoencoder(AutoencoderConfig.Disk(), [1]);
        using var adam = new Adam(model.parameters(), 1e-3);
        Assert.That(adam.Updates(model.parameters().ToList()), Is.True);
        model.to(ScalarType.Float64);
        Assert.That(adam.Updates(model.parameters().ToList()), Is.False);
        var objective = new ReconstructionObjective(model, zeros([4, 64, 64], dtype: ScalarType.Float64));
        var e = Assert.Throws<InvalidOperationException>(() => Trainer.Train(objective, new TrainingOptions { Steps = 1, BatchSize = 2, Seeds = [1] }, resume: adam));
        Assert.That(e!.Message, Does.Contain("optimiser"));
    }

    [Test]
    public void The_weight_norm_of_a_moved_stack_is_computed_on_its_device()
    {
        TorchRuntime.Initialise();
        using var scope = NewDisposeScope();
        using var stack = new ConvStack("decoder", new ConvStackSpec([1, 2, 1], Transposed: true, Bias: true), models: 2);
        stack.to(Meta);
        Assert.That(stack.WeightNormSquared().device_type, Is.EqualTo(DeviceType.META));
    }
}
