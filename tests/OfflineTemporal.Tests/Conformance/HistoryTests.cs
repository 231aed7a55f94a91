using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Client;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>History is served in pages that join up exactly, and can be long-polled for the close event.</summary>
public sealed class HistoryTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task History_pages_join_into_the_whole_history_with_consecutive_event_ids() =>
        RunWorkerAsync(Register, async queue =>
        {
            var handle = await Client.StartWorkflowAsync((SignalCollectorWorkflow wf) => wf.RunAsync(), new(UniqueId("paged"), queue));
            for (var i = 0; i < 15; i++)
            {
                await handle.SignalAsync(wf => wf.AddAsync($"item-{i}"));
            }

            await handle.SignalAsync(wf => wf.CloseAsync());
            await handle.GetResultAsync();

            var pages = await FetchPagesAsync(handle, pageSize: 5);
            var paged = pages.SelectMany(page => page).ToList();
            var whole = (await handle.FetchHistoryAsync()).Events.ToList();

            Assert.True(pages.Count > 1, "a history of more than five events came back in one page of five");
            Assert.All(pages, page => Assert.InRange(page.Count, 1, 5));
            Assert.Equal(Enumerable.Range(1, paged.Count).Select(i => (long)i), paged.Select(e => e.EventId));
            Assert.Equal(whole, paged);
            Assert.Equal(EventType.WorkflowExecutionStarted, paged[0].EventType);
            Assert.Equal(EventType.WorkflowExecutionCompleted, paged[^1].EventType);
        });

    [Fact]
    public Task A_long_poll_for_the_close_event_waits_until_the_workflow_closes() =>
        RunWorkerAsync(Register, async queue =>
        {
            var handle = await Client.StartWorkflowAsync((SignalCollectorWorkflow wf) => wf.RunAsync(), new(UniqueId("long-poll"), queue));

            var closeEvent = LongPollForCloseEventAsync(handle);
            await Task.Delay(500);
            Assert.False(closeEvent.IsCompleted, "the long poll answered before the workflow closed");
            await handle.SignalAsync(wf => wf.CloseAsync());

            var closed = await closeEvent;
            Assert.Equal(EventType.WorkflowExecutionCompleted, closed.EventType);
        });

    private static void Register(Temporalio.Worker.TemporalWorkerOptions worker) => worker.AddWorkflow<SignalCollectorWorkflow>();

    private async Task<List<List<HistoryEvent>>> FetchPagesAsync(WorkflowHandle handle, int pageSize)
    {
        var pages = new List<List<HistoryEvent>>();
        var token = Google.Protobuf.ByteString.Empty;
        do
        {
            var response = await Client.WorkflowService.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
            {
                Namespace = Client.Options.Namespace,
                Execution = new Temporalio.Api.Common.V1.WorkflowExecution { WorkflowId = handle.Id, RunId = handle.ResultRunId ?? string.Empty },
                MaximumPageSize = pageSize,
                NextPageToken = token,
            });
            pages.Add(response.History.Events.ToList());
            token = response.NextPageToken;
        }
        while (!token.IsEmpty);

        return pages;
    }

    // What GetResultAsync does: wait for new events, close event only. A poll that times out server-side answers with
    // no events and a token to poll again with, so keep polling until the event arrives.
    private async Task<HistoryEvent> LongPollForCloseEventAsync(WorkflowHandle handle)
    {
        var token = Google.Protobuf.ByteString.Empty;
        while (true)
        {
            var response = await Client.WorkflowService.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
            {
                Namespace = Client.Options.Namespace,
                Execution = new Temporalio.Api.Common.V1.WorkflowExecution { WorkflowId = handle.Id, RunId = handle.ResultRunId ?? string.Empty },
                WaitNewEvent = true,
                HistoryEventFilterType = HistoryEventFilterType.CloseEvent,
                NextPageToken = token,
            });
            if (response.History?.Events.Count > 0)
            {
                return Assert.Single(response.History.Events);
            }

            Assert.False(response.NextPageToken.IsEmpty, "an empty long-poll answer must carry a token to poll again with");
            token = response.NextPageToken;
        }
    }
}
