using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Command.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.TaskQueue.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>How Temporal fills in what a schedule-activity command leaves out.</summary>
internal static class ActivityDefaults
{
    public static ActivityTaskScheduledEventAttributes Scheduled(
        ScheduleActivityTaskCommandAttributes command, long completedEventId, string workflowTaskQueue, TimeSpan runTimeout)
    {
        var scheduleToClose = Span(command.ScheduleToCloseTimeout);
        var startToClose = Span(command.StartToCloseTimeout);
        var scheduleToStart = Span(command.ScheduleToStartTimeout);
        // Either of schedule-to-close and start-to-close implies the other; without either, the run timeout bounds it.
        if (scheduleToClose <= TimeSpan.Zero)
        {
            scheduleToClose = runTimeout;
        }
        if (startToClose <= TimeSpan.Zero)
        {
            startToClose = scheduleToClose;
        }
        if (scheduleToClose > TimeSpan.Zero && (scheduleToStart <= TimeSpan.Zero || scheduleToStart > scheduleToClose))
        {
            scheduleToStart = scheduleToClose;
        }
        var heartbeat = Span(command.HeartbeatTimeout);
        if (heartbeat > startToClose)
        {
            heartbeat = startToClose;
        }
        var queue = string.IsNullOrEmpty(command.TaskQueue?.Name) ? workflowTaskQueue : command.TaskQueue.Name;
        return new ActivityTaskScheduledEventAttributes
        {
            ActivityId = command.ActivityId,
            ActivityType = command.ActivityType,
            TaskQueue = new TaskQueue { Name = queue, Kind = Temporalio.Api.Enums.V1.TaskQueueKind.Normal },
            Header = command.Header,
            Input = command.Input,
            ScheduleToCloseTimeout = Proto(scheduleToClose),
            ScheduleToStartTimeout = Proto(scheduleToStart),
            StartToCloseTimeout = Proto(startToClose),
            HeartbeatTimeout = Proto(heartbeat),
            WorkflowTaskCompletedEventId = completedEventId,
            RetryPolicy = RetryRules.WithDefaults(command.RetryPolicy),
            Priority = command.Priority,
        };
    }

    private static TimeSpan Span(Duration? duration) => duration?.ToTimeSpan() ?? TimeSpan.Zero;

    // Temporal writes zero durations for "no timeout" rather than leaving them out.
    private static Duration Proto(TimeSpan span) => Duration.FromTimeSpan(span > TimeSpan.Zero ? span : TimeSpan.Zero);
}
