using OfflineTemporal.Tests.Infrastructure;
using Temporalio.Api.Command.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Exceptions;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>
/// A timer that fires while a workflow task is held, and a completion that cancels it, in a fixed order through the raw
/// WorkflowService calls (the SDK-level case is in <see cref="TimerTests"/>). This is what a WaitConditionAsync with a
/// timeout sends when its condition comes true in the same task in which its timer fires.
/// </summary>
public sealed class TimerBufferingProtocolTests(TemporalServerFixture fixture) : RawProtocolTest(fixture)
{
    private const string TimerId = "timeout";
    private static readonly TimeSpan TimerDuration = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_close_that_cancels_a_timer_which_fired_during_its_task_is_accepted_and_the_firing_is_dropped()
    {
        var (queue, execution) = await StartWithoutWorkerAsync("cancel-fired-timer");
        try
        {
            var held = await HoldTaskWhileTimerFiresAsync(queue, execution);

            // Temporal applies the CancelTimer first, which withdraws the buffered firing; nothing else is unseen.
            await CompleteAsync(held.TaskToken, CancelTimerCommand(), CompleteCommand("condition met"));

            var history = await HistoryAsync(execution);
            Assert.Equal(EventType.WorkflowExecutionCompleted, history[^1].EventType);
            Assert.Contains(history, e => e.EventType == EventType.TimerCanceled);
            Assert.DoesNotContain(history, e => e.EventType is EventType.TimerFired or EventType.WorkflowTaskFailed);
        }
        finally
        {
            await TerminateIfRunningAsync(execution);
        }
    }

    [Fact]
    public async Task Cancelling_the_fired_timer_does_not_excuse_a_close_that_has_not_seen_a_signal_sent_during_its_task()
    {
        var (queue, execution) = await StartWithoutWorkerAsync("cancel-fired-timer-with-signal");
        try
        {
            var held = await HoldTaskWhileTimerFiresAsync(queue, execution);
            await SignalAsync(execution, "late");

            var refused = await Assert.ThrowsAsync<RpcException>(
                () => CompleteAsync(held.TaskToken, CancelTimerCommand(), CompleteCommand("without late")));
            Assert.Equal("UnhandledCommand", refused.Message);

            // The refused completion left no effects: the next task shows the firing and the signal.
            var next = await PollAsync(queue);
            var afterHeld = next.History.Events.Where(e => e.EventId > held.StartedEventId).Select(e => e.EventType).ToList();
            Assert.Equal(EventType.WorkflowTaskFailed, afterHeld[0]);
            Assert.Contains(EventType.TimerFired, afterHeld);
            Assert.Contains(EventType.WorkflowExecutionSignaled, afterHeld);
            Assert.DoesNotContain(EventType.TimerCanceled, afterHeld);

            await CompleteAsync(next.TaskToken, CompleteCommand("with late"));
            Assert.Equal(EventType.WorkflowExecutionCompleted, await LastEventTypeAsync(execution));
        }
        finally
        {
            await TerminateIfRunningAsync(execution);
        }
    }

    /// <summary>
    /// Starts the timer with the first task, takes a second task (woken by a signal) and holds it until the timer has
    /// fired, so the firing is buffered behind the held task.
    /// </summary>
    private async Task<Temporalio.Api.WorkflowService.V1.PollWorkflowTaskQueueResponse> HoldTaskWhileTimerFiresAsync(
        string queue, Temporalio.Api.Common.V1.WorkflowExecution execution)
    {
        var first = await PollAsync(queue);
        await CompleteAsync(first.TaskToken, new Command
        {
            CommandType = CommandType.StartTimer,
            StartTimerCommandAttributes = new()
            {
                TimerId = TimerId,
                StartToFireTimeout = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimerDuration),
            },
        });
        await SignalAsync(execution, "wake");
        var held = await PollAsync(queue);
        Assert.DoesNotContain(held.History.Events, e => e.EventType == EventType.TimerFired);

        // Real time: with a task held the server has work outstanding, so even a time-skipping clock only walks.
        await Task.Delay(TimerDuration * 2);
        return held;
    }

    private static Command CancelTimerCommand() => new()
    {
        CommandType = CommandType.CancelTimer,
        CancelTimerCommandAttributes = new() { TimerId = TimerId },
    };
}
