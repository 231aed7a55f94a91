using OfflineTemporal.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;
using Temporalio.Exceptions;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>
/// Signals racing a workflow task, driven through the raw WorkflowService calls a worker makes, so that each
/// interleaving happens in a fixed order rather than by timing luck (the SDK-level test in <see cref="SignalTests"/>
/// can only hope to hit them).
/// </summary>
public sealed class SignalBufferingProtocolTests(TemporalServerFixture fixture) : RawProtocolTest(fixture)
{
    [Fact]
    public async Task A_close_command_that_has_not_seen_a_signal_sent_during_its_task_is_refused_as_UnhandledCommand()
    {
        var (queue, execution) = await StartWithoutWorkerAsync("unhandled-command");
        try
        {
            var first = await PollAsync(queue);
            await SignalAsync(execution, "late");

            // Temporal answers InvalidArgument "UnhandledCommand"; the SDK core evicts the run on exactly that text.
            var refused = await Assert.ThrowsAsync<RpcException>(() => CompleteAsync(first.TaskToken, CompleteCommand("without late")));
            Assert.Equal(RpcException.StatusCode.InvalidArgument, refused.Code);
            Assert.Equal("UnhandledCommand", refused.Message);

            // The next task shows the signal after the refused task, and is not counted as a retry of a faulty one.
            var second = await PollAsync(queue);
            Assert.Equal(1, second.Attempt);
            var afterFirst = second.History.Events.Where(e => e.EventId > first.StartedEventId).Select(e => e.EventType).ToList();
            Assert.Equal(
                [EventType.WorkflowTaskFailed, EventType.WorkflowExecutionSignaled, EventType.WorkflowTaskScheduled, EventType.WorkflowTaskStarted],
                afterFirst);
            var failed = second.History.Events.Single(e => e.EventType == EventType.WorkflowTaskFailed).WorkflowTaskFailedEventAttributes;
            Assert.Equal(WorkflowTaskFailedCause.UnhandledCommand, failed.Cause);
            Assert.Equal(first.StartedEventId, failed.StartedEventId);

            // Having seen the signal, the workflow may close.
            await CompleteAsync(second.TaskToken, CompleteCommand("with late"));
            Assert.Equal(EventType.WorkflowExecutionCompleted, await LastEventTypeAsync(execution));
        }
        finally
        {
            await TerminateIfRunningAsync(execution);
        }
    }

    [Fact]
    public async Task A_signal_that_arrives_before_the_task_is_polled_is_in_that_task_and_the_close_is_accepted()
    {
        var (queue, execution) = await StartWithoutWorkerAsync("signal-before-poll");
        try
        {
            await SignalAsync(execution, "early");

            var task = await PollAsync(queue);
            var types = task.History.Events.Select(e => e.EventType).ToList();
            Assert.Equal(
                [EventType.WorkflowExecutionStarted, EventType.WorkflowTaskScheduled, EventType.WorkflowExecutionSignaled, EventType.WorkflowTaskStarted],
                types);

            await CompleteAsync(task.TaskToken, CompleteCommand("with early"));
            Assert.Equal(EventType.WorkflowExecutionCompleted, await LastEventTypeAsync(execution));
        }
        finally
        {
            await TerminateIfRunningAsync(execution);
        }
    }
}
