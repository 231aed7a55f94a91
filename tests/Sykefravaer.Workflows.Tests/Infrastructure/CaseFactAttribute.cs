using Sykefravaer.Testing;

namespace Sykefravaer.Workflows.Tests.Infrastructure;

/// <summary>
/// A case test: it sleeps through the weeks of a sick leave on the server's virtual clock, so it runs only where
/// time skips, and is reported as skipped, with the reason, on a real-time server.
/// </summary>
/// <remarks>OfflineTemporal.Tests has the same rule as its own TimeSkippingFact; that attribute lives in that
/// test project, not in Sykefravaer.Testing (which has no xunit reference), so it cannot be shared from here.</remarks>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CaseFactAttribute : FactAttribute
{
    public CaseFactAttribute()
    {
        var kind = TemporalServerSelection.FromEnvironment();
        if (!TemporalServerSelection.SupportsTimeSkipping(kind))
        {
            Skip = $"Sleeps through weeks of a case: needs a time-skipping server, but {TemporalTestEnvironmentVariables.Server} selects {kind}.";
        }
    }
}
