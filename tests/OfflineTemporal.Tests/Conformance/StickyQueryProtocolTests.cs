using Google.Protobuf.WellKnownTypes;
using OfflineTemporal.Tests.Infrastructure;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Client;
using Temporalio.Converters;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>
/// A query for a run whose sticky worker died without calling ShutdownWorker (a killed process), driven through the
/// raw WorkflowService calls: nobody will ever poll that sticky queue again.
/// </summary>
public sealed class StickyQueryProtocolTests(TemporalServerFixture fixture) : RawProtocolTest(fixture)
{
    private static readonly TimeSpan StickyScheduleToStart = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_query_the_dead_sticky_worker_does_not_take_goes_to_the_run_s_own_queue_and_stickiness_is_cleared()
    {
        var (queue, execution) = await StartWithoutWorkerAsync("dead-sticky-query");
        try
        {
            var first = await PollAsync(queue);
            await Client.WorkflowService.RespondWorkflowTaskCompletedAsync(new RespondWorkflowTaskCompletedRequest
            {
                Namespace = Client.Options.Namespace,
                TaskToken = first.TaskToken,
                Identity = Identity,
                StickyAttributes = new StickyExecutionAttributes
                {
                    WorkerTaskQueue = new TaskQueue { Name = UniqueId("dead-sticky"), Kind = TaskQueueKind.Sticky, NormalName = queue },
                    ScheduleToStartTimeout = Duration.FromTimeSpan(StickyScheduleToStart),
                },
            });

            // Temporal tries the sticky queue for the sticky schedule-to-start timeout only, then clears stickiness
            // and dispatches the query to the run's own queue, not waiting out the client's deadline.
            var query = Client.WorkflowService.QueryWorkflowAsync(
                new QueryWorkflowRequest
                {
                    Namespace = Client.Options.Namespace,
                    Execution = execution,
                    Query = new() { QueryType = "state" },
                },
                new RpcOptions { Timeout = TimeSpan.FromSeconds(30) });
            var queryTask = await PollAsync(queue).WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal("state", queryTask.Query.QueryType);
            Assert.Equal(1, queryTask.History.Events[0].EventId);

            await Client.WorkflowService.RespondQueryTaskCompletedAsync(new RespondQueryTaskCompletedRequest
            {
                Namespace = Client.Options.Namespace,
                TaskToken = queryTask.TaskToken,
                CompletedType = QueryResultType.Answered,
                QueryResult = new Payloads { Payloads_ = { Converter.ToPayload("answered") } },
            });
            var answer = await query;
            Assert.Equal("answered", Converter.ToValue<string>(answer.QueryResult.Payloads_[0]));

            // With stickiness cleared, the next workflow task goes straight to the run's own queue, rather than
            // first timing out on the dead sticky one.
            await SignalAsync(execution, "after the query");
            var next = await PollAsync(queue).WaitAsync(TimeSpan.FromSeconds(15));
            Assert.DoesNotContain(next.History.Events, e => e.EventType == EventType.WorkflowTaskTimedOut);
            await CompleteAsync(next.TaskToken, CompleteCommand("done"));
        }
        finally
        {
            await TerminateIfRunningAsync(execution);
        }
    }

    private static IPayloadConverter Converter => DataConverter.Default.PayloadConverter;
}
