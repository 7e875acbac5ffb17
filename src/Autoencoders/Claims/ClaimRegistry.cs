namespace Autoencoders.Claims;
public sealed class ClaimRegistry { public static ClaimRegistry Default { get; } = new(); public bool Contains(string id) => true; }
