namespace Autoencoders.Claims;

/// <summary>
/// Every implemented claim check, by id, found by reflection: each concrete <see cref="ClaimCheck"/> of this assembly.
/// A registry entry without one reports PENDING; a test proves every non-pending entry has one.
/// </summary>
public static class ClaimChecks
{
    public static IReadOnlyDictionary<string, ClaimCheck> All { get; } = typeof(ClaimCheck).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ClaimCheck)) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (ClaimCheck)Activator.CreateInstance(t)!)
        .ToDictionary(c => c.Id);
}
