using OfflineTemporal.Tests.Infrastructure;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Exceptions;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>
/// Histories that Temporal's own functional tests pin, event by event, rewritten here over the raw WorkflowService
/// calls (temporalio/temporal at 6805caea59e35d0611ed96be69641b8d86bff11c, as read for
/// <c>../shared/design/temporal-conformance-oracle.md</c> § 4; each test names the Go test it follows). Written to pass
/// on Temporal's servers too (<c>TEMPORAL_TEST_SERVER</c>).
/// </summary>
public sealed class FunctionalTestPortTests(TemporalServerFixture fixture) : RawProtocolTest(fixture)
{
    /// <summary><c>TestStartWorkflowExecution</c> (tests/workflow_test.go): the default workflow task timeout is 10 s; the
    /// same request id gives the same run; another request for the running id is refused as already started.</summary>
    [Fact]
    public async Task Start_defaults_the_task_timeout_to_10_s_and_dedups_by_request_id()
    {
        var request = StartRequest(UniqueId("functional-start"), UniqueId("raw-queue"));

        var first = await Client.WorkflowService.StartWorkflowExecutionAsync(request);
        var again = await Client.WorkflowService.StartWorkflowExecutionAsync(request);
        var other = request.Clone();
        other.RequestId = Guid.NewGuid().ToString();
        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.WorkflowService.StartWorkflowExecutionAsync(other));

        var execution = new WorkflowExecution { WorkflowId = request.WorkflowId, RunId = first.RunId };
        try
        {
            Assert.Equal(first.RunId, again.RunId);
            Assert.Equal(RpcException.StatusCode.AlreadyExists, refused.Code);
            var started = (await HistoryAsync(execution))[0];
            Assert.Equal(EventType.WorkflowExecutionStarted, started.EventType);
            Assert.Equal(TimeSpan.FromSeconds(10), started.WorkflowExecutionStartedEventAttributes.WorkflowTaskTimeout.ToTimeSpan());
            Assert.Equal(1, started.WorkflowExecutionStartedEventAttributes.Attempt);
        }
        finally
        {
            await TerminateIfRunningAsync(execution);
        }
    }

    /// <summary><c>TestSignalWorkflow_DuplicateRequest</c> (tests/signal_workflow_test.go): a second signal with the
    /// same request id writes no second Signaled event.</summary>
    [Fact]
    public async Task A_signal_sent_twice_with_one_request_id_is_recorded_once()
    {
        var (queue, execution) = await StartWithoutWorkerAsync("functional-signal-dedup");
        try
        {
            var task = await PollAsync(queue);
            await CompleteAsync(task.TaskToken);
            var signal = new SignalWorkflowExecutionRequest
            {
                Namespace = Client.Options.Namespace,
                WorkflowExecution = execution,
                SignalName = "once",
                Identity = Identity,
                RequestId = Guid.NewGuid().ToString(),
            };

            await Client.WorkflowService.SignalWorkflowExecutionAsync(signal);
            await Client.WorkflowService.SignalWorkflowExecutionAsync(signal);

            var history = await HistoryAsync(execution);
            Assert.Single(history, e => e.EventType == EventType.WorkflowExecutionSignaled);
            Assert.Equal(
                [EventType.WorkflowExecutionStarted, EventType.WorkflowTaskScheduled, EventType.WorkflowTaskStarted, EventType.WorkflowTaskCompleted,
                 EventType.WorkflowExecutionSignaled, EventType.WorkflowTaskScheduled],
                history.Select(e => e.EventType));
        }
        finally
        {
            await TerminateIfRunningAsync(execution);
        }
    }

    /// <summary><c>TestSignalWithStartWithMemo</c> (tests/workflow_memo_test.go) and <c>TestSignalWithStartWorkflow</c>
    /// (tests/signal_workflow_test.go): signal-with-start on a missing workflow writes Started, then Signaled, then the
    /// first task; on the running one it signals the same run.</summary>
    [Fact]
    public async Task Signal_with_start_writes_started_signaled_then_the_first_task_and_signals_a_running_run()
    {
        var workflowId = UniqueId("functional-sws");
        var queue = UniqueId("raw-queue");
        var request = new SignalWithStartWorkflowExecutionRequest
        {
            Namespace = Client.Options.Namespace,
            WorkflowId = workflowId,
            WorkflowType = new WorkflowType { Name = "RawProtocolWorkflow" },
            TaskQueue = new TaskQueue { Name = queue, Kind = TaskQueueKind.Normal },
            SignalName = "first",
            Identity = Identity,
            RequestId = Guid.NewGuid().ToString(),
            Memo = new Memo { Fields = { ["note"] = Temporalio.Converters.DataConverter.Default.PayloadConverter.ToPayload("memo") } },
        };

        var started = await Client.WorkflowService.SignalWithStartWorkflowExecutionAsync(request);
        var second = request.Clone();
        second.SignalName = "second";
        second.RequestId = Guid.NewGuid().ToString();
        var signalled = await Client.WorkflowService.SignalWithStartWorkflowExecutionAsync(second);

        var execution = new WorkflowExecution { WorkflowId = workflowId, RunId = started.RunId };
        try
        {
            Assert.True(started.Started);
            Assert.False(signalled.Started);
            Assert.Equal(started.RunId, signalled.RunId);
            var history = await HistoryAsync(execution);
            Assert.Equal(
                [EventType.WorkflowExecutionStarted, EventType.WorkflowExecutionSignaled, EventType.WorkflowTaskScheduled, EventType.WorkflowExecutionSignaled],
                history.Select(e => e.EventType));
            Assert.True(history[0].WorkflowExecutionStartedEventAttributes.Memo.Fields.ContainsKey("note"));
            Assert.Equal(["first", "second"], history.Where(e => e.EventType == EventType.WorkflowExecutionSignaled).Select(e => e.WorkflowExecutionSignaledEventAttributes.SignalName));
        }
        finally
        {
            await TerminateIfRunningAsync(execution);
        }
    }

    /// <summary><c>TestExternalRequestCancelWorkflowExecution</c> (tests/cancel_workflow_test.go): a cancel request
    /// before the first task is event 3, and the workflow's CancelWorkflowExecution closes it as canceled.</summary>
    [Fact]
    public async Task An_external_cancel_is_recorded_before_the_task_that_cancels_the_run()
    {
        var (queue, execution) = await StartWithoutWorkerAsync("functional-cancel");
        try
        {
            await Client.WorkflowService.RequestCancelWorkflowExecutionAsync(new RequestCancelWorkflowExecutionRequest
            {
                Namespace = Client.Options.Namespace,
                WorkflowExecution = execution,
                Identity = Identity,
                RequestId = Guid.NewGuid().ToString(),
            });
            var task = await PollAsync(queue);
            await CompleteAsync(task.TaskToken, new Temporalio.Api.Command.V1.Command
            {
                CommandType = CommandType.CancelWorkflowExecution,
                CancelWorkflowExecutionCommandAttributes = new()
                {
                    Details = new Payloads { Payloads_ = { Temporalio.Converters.DataConverter.Default.PayloadConverter.ToPayload("canceled as asked") } },
                },
            });

            var history = await HistoryAsync(execution);
            Assert.Equal(
                [EventType.WorkflowExecutionStarted, EventType.WorkflowTaskScheduled, EventType.WorkflowExecutionCancelRequested,
                 EventType.WorkflowTaskStarted, EventType.WorkflowTaskCompleted, EventType.WorkflowExecutionCanceled],
                history.Select(e => e.EventType));
            Assert.Single(history[^1].WorkflowExecutionCanceledEventAttributes.Details.Payloads_);
        }
        finally
        {
            await TerminateIfRunningAsync(execution);
        }
    }

    /// <summary><c>TestWorkflowTimeout</c> (tests/workflow_failures_test.go): a run that times out before any workflow
    /// task started has three events: started, the first task scheduled, timed out.</summary>
    [Fact]
    public async Task A_run_timing_out_before_any_task_started_has_three_events()
    {
        var request = StartRequest(UniqueId("functional-timeout"), UniqueId("raw-queue"));
        request.WorkflowRunTimeout = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(2));
        var started = await Client.WorkflowService.StartWorkflowExecutionAsync(request);
        var execution = new WorkflowExecution { WorkflowId = request.WorkflowId, RunId = started.RunId };
        try
        {
            await Server.Environment.DelayAsync(TimeSpan.FromSeconds(4));

            var history = await HistoryAsync(execution);
            Assert.Equal(
                [EventType.WorkflowExecutionStarted, EventType.WorkflowTaskScheduled, EventType.WorkflowExecutionTimedOut],
                history.Select(e => e.EventType));
        }
        finally
        {
            await TerminateIfRunningAsync(execution);
        }
    }

    private StartWorkflowExecutionRequest StartRequest(string workflowId, string queue) => new()
    {
        Namespace = Client.Options.Namespace,
        WorkflowId = workflowId,
        WorkflowType = new WorkflowType { Name = "RawProtocolWorkflow" },
        TaskQueue = new TaskQueue { Name = queue, Kind = TaskQueueKind.Normal },
        Identity = Identity,
        RequestId = Guid.NewGuid().ToString(),
    };
}
