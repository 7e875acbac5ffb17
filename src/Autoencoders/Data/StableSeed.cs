namespace Autoencoders.Data;

/// <summary>Seeds derived from values, stable across processes (string.GetHashCode and HashCode are not).</summary>
public static class StableSeed
{
    /// <summary>FNV-1a over the seed and the text: the same inputs give the same seed on every run.</summary>
    public static int Of(int seed, string text)
    {
        unchecked
        {
            uint h = 2166136261;
            foreach (byte b in BitConverter.GetBytes(seed)) h = (h ^ b) * 16777619;
            foreach (char c in text) h = (h ^ c) * 16777619;
            return (int)(h & 0x7fffffff);
        }
    }
}
