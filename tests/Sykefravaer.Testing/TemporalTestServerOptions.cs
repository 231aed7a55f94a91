using Temporalio.Common;

namespace Sykefravaer.Testing;

/// <summary>What a test suite needs from the server beyond the defaults.</summary>
public sealed record TemporalTestServerOptions
{
    /// <summary>Gets custom search attributes the suite uses. Servers refuse unregistered ones, so they are registered
    /// at start: on a dev server's command line, elsewhere through the operator service.</summary>
    public IReadOnlyCollection<SearchAttributeKey> SearchAttributes { get; init; } = [];

    /// <summary>Gets a database file that makes the offline server durable (<c>--db-filename</c>); null keeps it in
    /// memory. Only the offline server takes it here: for Temporal's servers a test picks its own persistence.</summary>
    public string? DbFilename { get; init; }

    /// <summary>Gets SQLite pragmas for <see cref="DbFilename"/> (<c>--sqlite-pragma name=value</c>).</summary>
    public IReadOnlyDictionary<string, string> SqlitePragmas { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets dynamic config values (<c>--dynamic-config-value key=value</c>), e.g.
    /// <c>limit.historyCount.suggestContinueAsNew</c>. The offline server and Temporal's dev server take them;
    /// Temporal's time-skipping test server has none.</summary>
    public IReadOnlyDictionary<string, string> DynamicConfig { get; init; } = new Dictionary<string, string>();
}
