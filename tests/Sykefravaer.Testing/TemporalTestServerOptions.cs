using Temporalio.Common;

namespace Sykefravaer.Testing;

/// <summary>What a test suite needs from the server beyond the defaults.</summary>
public sealed record TemporalTestServerOptions
{
    /// <summary>Gets custom search attributes the suite uses. Servers refuse unregistered ones, so they are registered
    /// at start: on a dev server's command line, elsewhere through the operator service.</summary>
    public IReadOnlyCollection<SearchAttributeKey> SearchAttributes { get; init; } = [];
}
