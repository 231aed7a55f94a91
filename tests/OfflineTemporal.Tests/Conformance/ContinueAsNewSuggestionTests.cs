using OfflineTemporal.Tests.Workflows;
using Sykefravaer.Testing;
using Temporalio.Client;
using Temporalio.Worker;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>
/// The continue-as-new suggestion under lowered limits, set as on Temporal's dev server
/// (<c>--dynamic-config-value limit.historyCount.suggestContinueAsNew=N</c>, <c>limit.historySize.suggestContinueAsNew</c>):
/// a workflow task whose started event would be event N or later, or whose history before it is that many bytes,
/// suggests it, with the reason. Each test starts a server of its own.
/// </summary>
public sealed class ContinueAsNewSuggestionTests
{
    [Fact]
    public async Task Many_events_suggest_continue_as_new_from_the_task_that_reaches_the_limit()
    {
        var report = await RunAsync(new Dictionary<string, string> { ["limit.historyCount.suggestContinueAsNew"] = "20" });

        Assert.True(report.Suggested);
        Assert.InRange(report.Length, 20, 24);
        Assert.Equal(["TooManyHistoryEvents"], report.Reasons);
        Assert.False(report.FirstSuggested);
    }

    [Fact]
    public async Task A_large_history_suggests_continue_as_new_naming_its_size()
    {
        var report = await RunAsync(new Dictionary<string, string> { ["limit.historySize.suggestContinueAsNew"] = "3000" });

        Assert.True(report.Suggested);
        Assert.InRange(report.Size, 3000, 4000);
        Assert.Equal(["HistorySizeTooLarge"], report.Reasons);
    }

    private static async Task<HistoryInfoReport> RunAsync(IReadOnlyDictionary<string, string> dynamicConfig)
    {
        await using var server = await TemporalTestServer.StartAsync(new() { DynamicConfig = dynamicConfig });
        var queue = $"suggest-{Guid.NewGuid():N}";
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddWorkflow<HistoryInfoWorkflow>());
        return await worker.ExecuteAsync(() => server.Client.ExecuteWorkflowAsync(
            (HistoryInfoWorkflow wf) => wf.RunAsync(200), new WorkflowOptions($"suggest-{Guid.NewGuid():N}", queue)));
    }
}
