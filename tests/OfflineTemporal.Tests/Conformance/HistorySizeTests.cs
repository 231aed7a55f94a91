using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>
/// What the SDK reads from each WorkflowTaskStarted event about the history (<c>Workflow.CurrentHistoryLength</c>,
/// <c>CurrentHistorySize</c>, <c>ContinueAsNewSuggested</c>): the size in bytes of the events before it, and no
/// suggestion under Temporal's default limits (4 × 1024 events, 4 MiB). The first task's expectations are
/// sdk-dotnet's <c>ExecuteWorkflowAsync_HistoryInfo_IsAccurate</c> (tests/Temporalio.Tests/Worker/WorkflowWorkerTests.cs).
/// </summary>
public sealed class HistorySizeTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task The_first_task_sees_three_events_of_over_100_bytes_and_no_suggestion() =>
        RunWorkerAsync(Register, async queue =>
        {
            var report = await Client.ExecuteWorkflowAsync((HistoryInfoWorkflow wf) => wf.RunAsync(5), new(UniqueId("history-info"), queue));

            Assert.Equal(3, report.FirstLength);
            Assert.True(report.FirstSize > 100, $"history size {report.FirstSize} bytes at the first task");
            Assert.False(report.FirstSuggested);
            Assert.True(report.Length > report.FirstLength && report.Size > report.FirstSize, "the history grew, and its size with it");
            Assert.False(report.Suggested);
            Assert.Empty(report.Reasons);
        });

    [Fact]
    public Task Every_workflow_task_started_event_carries_the_size_of_the_events_before_it() =>
        RunWorkerAsync(Register, async queue =>
        {
            var handle = await Client.StartWorkflowAsync((HistoryInfoWorkflow wf) => wf.RunAsync(3), new(UniqueId("history-size"), queue));
            await handle.GetResultAsync();

            var events = (await handle.FetchHistoryAsync()).Events.ToList();
            var started = events.Where(e => e.EventType == EventType.WorkflowTaskStarted).ToList();

            Assert.True(started.Count >= 4, $"{started.Count} workflow tasks");
            Assert.All(started, e => Assert.False(e.WorkflowTaskStartedEventAttributes.SuggestContinueAsNew));
            var sizes = started.Select(e => e.WorkflowTaskStartedEventAttributes.HistorySizeBytes).ToList();
            Assert.Equal(sizes.Order(), sizes);
            Assert.Equal(sizes.Count, sizes.Distinct().Count());
            // Within a tenth of the events' encoded size before each: Temporal counts what it persisted, close to this.
            Assert.All(started, e => Assert.InRange(
                e.WorkflowTaskStartedEventAttributes.HistorySizeBytes,
                events.TakeWhile(before => before.EventId < e.EventId).Sum(before => (long)before.CalculateSize()) * 9 / 10,
                events.TakeWhile(before => before.EventId < e.EventId).Sum(before => (long)before.CalculateSize()) * 11 / 10));
        });

    private static void Register(Temporalio.Worker.TemporalWorkerOptions worker) => worker.AddWorkflow<HistoryInfoWorkflow>();
}
