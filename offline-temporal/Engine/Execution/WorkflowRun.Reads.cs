using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Workflow.V1;
using Temporalio.Api.WorkflowService.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>What clients can read about a run: history pages, the close event, its description.</summary>
internal sealed partial class WorkflowRun
{
    /// <summary>
    /// Events from <paramref name="firstEventId"/> on, at most <paramref name="pageSize"/>, or a task to await when
    /// there are none yet (for long polls). Only the close event when <paramref name="closeEventOnly"/>.
    /// </summary>
    public (List<HistoryEvent> Events, bool More, Task? Grown) ReadHistory(long firstEventId, int pageSize, bool closeEventOnly) => Read<(List<HistoryEvent>, bool, Task?)>(() =>
    {
        if (closeEventOnly)
        {
            return CloseEvent is { } close ? ([close], false, null) : ([], false, History.NextAppend());
        }
        if (firstEventId > History.LastEventId)
        {
            return ([], false, IsOpen ? History.NextAppend() : null);
        }
        var last = Math.Min(History.LastEventId, firstEventId + pageSize - 1);
        return (History.Range(firstEventId, last).ToList(), last < History.LastEventId, null);
    });

    public DescribeWorkflowExecutionResponse Describe() => Read(() =>
    {
        var response = new DescribeWorkflowExecutionResponse
        {
            ExecutionConfig = new WorkflowExecutionConfig
            {
                TaskQueue = new Temporalio.Api.TaskQueue.V1.TaskQueue { Name = TaskQueue, Kind = TaskQueueKind.Normal },
                WorkflowExecutionTimeout = ProtoDuration(Start.ExecutionTimeout),
                WorkflowRunTimeout = ProtoDuration(Start.RunTimeout),
                DefaultWorkflowTaskTimeout = ProtoDuration(WorkflowTaskTimeout),
                UserMetadata = Start.UserMetadata,
            },
            WorkflowExecutionInfo = Info(),
        };
        foreach (var activity in activities.Pending)
        {
            response.PendingActivities.Add(new PendingActivityInfo
            {
                ActivityId = activity.ActivityId,
                ActivityType = activity.Scheduled.ActivityType,
                State = activity.Phase switch
                {
                    ActivityPhase.Started when activity.CancelRequested => PendingActivityState.CancelRequested,
                    ActivityPhase.Started => PendingActivityState.Started,
                    _ => PendingActivityState.Scheduled,
                },
                HeartbeatDetails = activity.HeartbeatDetails,
                LastHeartbeatTime = activity.LastHeartbeatTime is { } heartbeat ? ProtoTime(heartbeat) : null,
                LastStartedTime = activity.StartedTime is { } started ? ProtoTime(started) : null,
                Attempt = activity.Attempt,
                MaximumAttempts = activity.Scheduled.RetryPolicy.MaximumAttempts,
                ScheduledTime = ProtoTime(activity.CurrentAttemptScheduledTime),
                ExpirationTime = activity.ScheduleToCloseDeadline is { } deadline ? ProtoTime(deadline) : null,
                LastFailure = activity.LastFailure,
                LastWorkerIdentity = activity.StartedIdentity,
            });
        }
        if (workflowTasks.Current is { } slot)
        {
            response.PendingWorkflowTask = new PendingWorkflowTaskInfo
            {
                State = slot.IsStarted ? PendingWorkflowTaskState.Started : PendingWorkflowTaskState.Scheduled,
                ScheduledTime = ProtoTime(slot.ScheduledTime),
                OriginalScheduledTime = ProtoTime(slot.ScheduledTime),
                StartedTime = slot.IsStarted ? ProtoTime(slot.StartedTime) : null,
                Attempt = slot.Attempt,
            };
        }
        return response;
    });

    /// <summary>The run as visibility (list, count, describe) shows it.</summary>
    public WorkflowExecutionInfo Info() => Read(() => new WorkflowExecutionInfo
    {
        Execution = Execution,
        Type = WorkflowType,
        StartTime = ProtoTime(StartTime),
        CloseTime = CloseTime is { } closed ? ProtoTime(closed) : null,
        Status = Status,
        HistoryLength = History.Count,
        ExecutionTime = ProtoTime(ExecutionTime),
        Memo = Memo.Clone(),
        SearchAttributes = SearchAttributes.Clone(),
        TaskQueue = TaskQueue,
        StateTransitionCount = History.Count,
        ExecutionDuration = CloseTime is { } end ? Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(end - ExecutionTime) : null,
        FirstRunId = FirstExecutionRunId,
        RootExecution = Execution,
        Priority = Start.Priority,
    });
}
