using Temporalio.Activities;

namespace OfflineTemporal.Benchmark;

/// <summary>Stand-ins for the case engine's activities: the benchmark measures the server, not the I/O.</summary>
public sealed class CaseActivities
{
    /// <summary>Pretends to send the notice due at a milestone.</summary>
    [Activity]
    public Task<string> SendNoticeAsync(string caseId, int week) => Task.FromResult($"{caseId}: notice for week {week}");
}
