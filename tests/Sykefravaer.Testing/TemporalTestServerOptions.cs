using Temporalio.Common;

namespace Sykefravaer.Testing;

/// <summary>What a test suite needs from the server beyond the defaults.</summary>
public sealed record TemporalTestServerOptions
{
    /// <summary>Gets custom search attributes the suite uses. A dev server refuses unregistered ones, so they are
    /// registered at start where the server is started here; an <c>existing</c> server must already have them.</summary>
    public IReadOnlyCollection<SearchAttributeKey> SearchAttributes { get; init; } = [];
}
