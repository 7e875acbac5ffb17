using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Autoencoders.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Training;

/// <summary>A network loaded from a checkpoint: the model, its seeds, its optimiser state and its loss curve.</summary>
public sealed record LoadedNetwork(nn.Module Model, int[] Seeds, Adam Adam, TrainingResult? Result);

/// <summary>
/// A trained network (an autoencoder or a conv stack) with its architecture, Adam state and loss curve, in one
/// self-checking file: "AECKPT02", header length (int32), JSON header, float32 data (parameters, then Adam's m and
/// v), SHA-256 of all that precedes it. Written to a temporary file and renamed, so a reader never sees half a
/// checkpoint; a corrupt, truncated or foreign file is refused with a message naming the problem.
/// </summary>
public static class Checkpoint
{
    static readonly byte[] Magic = "AECKPT02"u8.ToArray();
    static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    sealed record Header(NetworkArchitecture Architecture, int[] Seeds, long AdamStep, double LearningRate, string[] Names, long[][] Shapes, TrainingResult? Result);

    public static void Save(string path, nn.Module model, int[] seeds, Adam adam, TrainingResult? result = null)
    {
        var named = model.named_parameters().ToList();
        var header = new Header(NetworkArchitecture.Of(model), seeds, adam.Step, adam.LearningRate, named.Select(p => p.name).ToArray(), named.Select(p => p.parameter.shape).ToArray(), result);
        using var buffer = new MemoryStream();
        buffer.Write(Magic);
        var json = JsonSerializer.SerializeToUtf8Bytes(header, Json);
        buffer.Write(BitConverter.GetBytes(json.Length));
        buffer.Write(json);
        foreach (var t in named.Select(p => (Tensor)p.parameter).Concat(adam.FirstMoments).Concat(adam.SecondMoments))
            buffer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(t.detach().cpu().contiguous().data<float>().ToArray().AsSpan()));
        buffer.Write(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        string temp = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temp, buffer.ToArray());
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Loads a network (on <paramref name="device"/>) and an Adam state that resumes where the save left off.</summary>
    public static LoadedNetwork Load(string path, Device? device = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint '{path}' does not exist");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < Magic.Length + 4 + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException($"'{path}' is not a checkpoint of this tool (bad magic); was it written by this version?");
        if (!SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
            throw new InvalidDataException($"checkpoint '{path}' is corrupt or truncated (checksum mismatch); delete it and retrain");
        int headerLength = BitConverter.ToInt32(bytes, Magic.Length);
        if (headerLength <= 0 || headerLength > bytes.Length - Magic.Length - 4 - 32) throw new InvalidDataException($"checkpoint '{path}' has a header length of {headerLength} bytes that does not fit the file");
        Header header;
        try
        {
            header = JsonSerializer.Deserialize<Header>(bytes.AsSpan(Magic.Length + 4, headerLength), Json)
                ?? throw new InvalidDataException($"checkpoint '{path}' has an empty header");
        }
        catch (JsonException e) { throw new InvalidDataException($"checkpoint '{path}' has an unreadable header ({e.Message})"); }
        if (header.Architecture is null || header.Seeds is null || header.Names is null || header.Shapes is null || header.Shapes.Any(s => s is null) || header.Names.Length != header.Shapes.Length)
            throw new InvalidDataException($"checkpoint '{path}' has an incomplete header (architecture, seeds, parameter names and shapes are all required)");
        nn.Module model;
        try { model = header.Architecture.Build(header.Seeds); }
        catch (ArgumentException e) { throw new InvalidDataException($"checkpoint '{path}' states an impossible architecture ({e.Message})"); }
        var named = model.named_parameters().ToList();
        if (!named.Select(p => p.name).SequenceEqual(header.Names) || !named.Select(p => p.parameter.shape).Zip(header.Shapes).All(s => s.First.SequenceEqual(s.Second)))
        {
            model.Dispose();
            throw new InvalidDataException($"checkpoint '{path}' holds parameters [{string.Join(", ", header.Names)}] that do not fit the architecture {header.Architecture}");
        }
        long offset = Magic.Length + 4 + headerLength;
        void Fill(Tensor t)
        {
            long count = t.numel();
            if (offset + count * 4 > bytes.Length - 32) throw new InvalidDataException($"checkpoint '{path}' is shorter than its header says");
            var values = new float[count];
            Buffer.BlockCopy(bytes, (int)offset, values, 0, (int)(count * 4));
            using (no_grad()) t.copy_(tensor(values, t.shape));
            offset += count * 4;
        }
        foreach (var p in named) Fill(p.parameter);
        if (device is not null) model.to(device);
        var adam = new Adam(model.parameters(), header.LearningRate) { Step = header.AdamStep };
        foreach (var t in adam.FirstMoments.Concat(adam.SecondMoments)) Fill(t);
        if (offset != bytes.Length - 32) throw new InvalidDataException($"checkpoint '{path}' has {bytes.Length - 32 - offset} unexpected trailing bytes");
        return new LoadedNetwork(model, header.Seeds, adam, header.Result);
    }
}
