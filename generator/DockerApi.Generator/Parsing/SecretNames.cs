namespace DockerApi.Generator.Parsing;

/// <summary>
/// Which wire names hold secrets even where a spec does not mark them with <c>x-docker-sensitive</c>: Docker's own
/// files have no such mark. The generator masks these in <c>ToString()</c>; the import tool marks them (shared source,
/// so the rule is written once).
/// </summary>
internal static class SecretNames
{
    private static readonly string[] Exact = { "password", "passwd", "passphrase", "secret", "auth", "unlockkey" };

    /// <summary>
    /// True for <c>password</c>, <c>secret</c>, <c>auth</c>, <c>UnlockKey</c> and names ending in <c>token</c> or
    /// <c>password</c> (<c>IdentityToken</c>, <c>registrytoken</c>, <c>JoinToken</c>), in any case.
    /// </summary>
    public static bool IsSecret(string wireName)
    {
        var name = wireName.ToLowerInvariant();
        foreach (var exact in Exact)
        {
            if (name == exact)
                return true;
        }
        return name.EndsWith("token", System.StringComparison.Ordinal) || name.EndsWith("password", System.StringComparison.Ordinal);
    }
}
