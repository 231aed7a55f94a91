namespace Sykefravaer.Testing;

/// <summary>Reads the server choice from the environment; known before any server starts, so test
/// discovery can already skip tests that need time skipping.</summary>
public static class TemporalServerSelection
{
    private static readonly Dictionary<string, TemporalServerKind> KindsByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["offline"] = TemporalServerKind.Offline,
        ["offline-dev"] = TemporalServerKind.OfflineDev,
        ["time-skipping"] = TemporalServerKind.TimeSkipping,
        ["dev"] = TemporalServerKind.Dev,
        ["existing"] = TemporalServerKind.Existing,
    };

    /// <summary>Gets the kind named by the environment, or <see cref="TemporalServerKind.Offline"/> when unset.</summary>
    public static TemporalServerKind FromEnvironment() => Parse(Environment.GetEnvironmentVariable(TemporalTestEnvironmentVariables.Server));

    /// <summary>Parses a value of <see cref="TemporalTestEnvironmentVariables.Server"/>; a typo fails loudly rather
    /// than silently testing against a different server than the one asked for.</summary>
    public static TemporalServerKind Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return TemporalServerKind.Offline;
        }

        return KindsByName.TryGetValue(value.Trim(), out var kind)
            ? kind
            : throw new InvalidOperationException(
                $"{TemporalTestEnvironmentVariables.Server}='{value}' is not one of: {string.Join(", ", KindsByName.Keys)}.");
    }

    /// <summary>Whether a server of this kind runs on a virtual clock that skips ahead when all work is idle.</summary>
    public static bool SupportsTimeSkipping(TemporalServerKind kind) =>
        kind is TemporalServerKind.Offline or TemporalServerKind.TimeSkipping;

    /// <summary>Whether the server is this repository's own, which (unlike Temporal's) refuses what it does not implement.</summary>
    public static bool IsOffline(TemporalServerKind kind) =>
        kind is TemporalServerKind.Offline or TemporalServerKind.OfflineDev;
}
