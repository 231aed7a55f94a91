using Grpc.Core;
using Temporalio.Api.Command.V1;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Sdk.V1;
using Temporalio.Api.WorkflowService.V1;
using Sykefravaer.OfflineTemporal.Engine.Matching;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// Activities: scheduling, attempts handed to workers, heartbeats, results, retries with backoff, the four timeouts
/// and cancellation. As in Temporal, attempts leave no trace in history until the activity resolves: then the last
/// attempt's started event is written together with the event that resolves it.
/// </summary>
internal sealed partial class WorkflowRun
{
    /// <param name="eager">Where to put the activity's task if the completing worker asked for it eagerly (see
    /// <see cref="TryStartEagerly"/>); null when eager starts are not possible.</param>
    private void ScheduleActivity(
        ScheduleActivityTaskCommandAttributes command, long completedEventId, UserMetadata? metadata, EagerActivityStarts? eager)
    {
        var attributes = ActivityDefaults.Scheduled(command, completedEventId, TaskQueue, Start.RunTimeout);
        var scheduled = History.Append(Now, e =>
        {
            e.ActivityTaskScheduledEventAttributes = attributes;
            e.UserMetadata = metadata;
        });
        var activity = new ActivityState(scheduled.EventId, attributes, Now);
        activities.Add(activity);
        if (activity.ScheduleToCloseDeadline is { } deadline)
        {
            activity.ScheduleToCloseAlarm = engine.Clock.Schedule(
                deadline, this, () => Change(() => TimeOutActivity(activity, TimeoutType.ScheduleToClose)));
        }
        if (!TryStartEagerly(activity, command, eager))
        {
            DispatchActivityAttempt(activity);
        }
    }

    private void DispatchActivityAttempt(ActivityState activity)
    {
        activities.SetPhase(activity, ActivityPhase.Queued);
        activity.CurrentAttemptScheduledTime = Now;
        activity.StartedTime = null;
        var scheduleToStart = activity.Scheduled.ScheduleToStartTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        activity.AttemptAlarm = scheduleToStart > TimeSpan.Zero
            ? engine.Clock.ScheduleAfter(scheduleToStart, this, () => Change(() => TimeOutActivity(activity, TimeoutType.ScheduleToStart)))
            : null;
        engine.Matcher.ActivityQueue(Namespace, activity.Scheduled.TaskQueue.Name)
            .Add(new ActivityTaskTicket(this, activity.ScheduledEventId, activity.Attempt));
    }

    public PollActivityTaskQueueResponse? TryStartActivityTask(ActivityTaskTicket ticket, PollActivityTaskQueueRequest poll) => Change(() =>
    {
        return activities.FindAttempt(ticket.ScheduledEventId, ticket.Attempt, ActivityPhase.Queued) is { } activity
            ? StartActivityAttempt(activity, poll.Identity)
            : null;
    });

    /// <summary>Hands the queued attempt of <paramref name="activity"/> to a worker and arms its running timeouts.</summary>
    private PollActivityTaskQueueResponse StartActivityAttempt(ActivityState activity, string identity)
    {
        activities.SetPhase(activity, ActivityPhase.Started);
        activity.AttemptAlarm?.Cancel();
        activity.StartedTime = Now;
        activity.StartedIdentity = identity;
        activity.StartRequestId = Guid.NewGuid().ToString();
        var startToClose = activity.Scheduled.StartToCloseTimeout.ToTimeSpan();
        activity.AttemptAlarm = engine.Clock.ScheduleAfter(
            startToClose, this, () => Change(() => TimeOutActivity(activity, TimeoutType.StartToClose)));
        ArmHeartbeatTimeout(activity);
        var scheduled = activity.Scheduled;
        return new PollActivityTaskQueueResponse
        {
            TaskToken = TaskToken.ForActivityTask(RunId, activity.ScheduledEventId, activity.Attempt),
            WorkflowNamespace = Namespace,
            WorkflowType = WorkflowType,
            WorkflowExecution = Execution,
            ActivityType = scheduled.ActivityType,
            ActivityId = scheduled.ActivityId,
            Header = scheduled.Header,
            Input = scheduled.Input,
            HeartbeatDetails = activity.HeartbeatDetails,
            ScheduledTime = ProtoTime(activity.ScheduledTime),
            CurrentAttemptScheduledTime = ProtoTime(activity.CurrentAttemptScheduledTime),
            StartedTime = ProtoTime(Now),
            Attempt = activity.Attempt,
            ScheduleToCloseTimeout = scheduled.ScheduleToCloseTimeout,
            StartToCloseTimeout = scheduled.StartToCloseTimeout,
            HeartbeatTimeout = scheduled.HeartbeatTimeout,
            RetryPolicy = scheduled.RetryPolicy,
            Priority = scheduled.Priority,
        };
    }

    private void ArmHeartbeatTimeout(ActivityState activity)
    {
        activity.HeartbeatAlarm?.Cancel();
        var heartbeat = activity.Scheduled.HeartbeatTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        activity.HeartbeatAlarm = heartbeat > TimeSpan.Zero
            ? engine.Clock.ScheduleAfter(heartbeat, this, () => Change(() => TimeOutActivity(activity, TimeoutType.Heartbeat)))
            : null;
    }

    /// <summary>Records a heartbeat; the answer tells the worker whether the workflow asked to cancel.</summary>
    public bool Heartbeat(TaskToken token, Payloads? details) => Change(() =>
    {
        var activity = StartedActivityFor(token);
        activity.HeartbeatDetails = details;
        activity.LastHeartbeatTime = Now;
        ArmHeartbeatTimeout(activity);
        return activity.CancelRequested;
    });

    public void CompleteActivity(TaskToken token, Payloads? result, string identity) => Change(() =>
    {
        var activity = StartedActivityFor(token);
        ResolveActivity(activity, new HistoryEvent { ActivityTaskCompletedEventAttributes = new()
        {
            Result = result,
            ScheduledEventId = activity.ScheduledEventId,
            Identity = identity,
        } });
    });

    public void FailActivity(TaskToken token, Failure failure, Payloads? lastHeartbeatDetails, string identity) => Change(() =>
    {
        var activity = StartedActivityFor(token);
        if (lastHeartbeatDetails is not null)
        {
            activity.HeartbeatDetails = lastHeartbeatDetails;
        }
        var (retryState, delay) = activity.CancelRequested
            ? (RetryState.CancelRequested, TimeSpan.Zero)
            : RetryRules.Decide(activity.Scheduled.RetryPolicy, activity.Attempt, failure, Now, activity.ScheduleToCloseDeadline);
        if (retryState == RetryState.InProgress)
        {
            RetryActivityAfter(activity, failure, delay);
            return;
        }
        ResolveActivity(activity, new HistoryEvent { ActivityTaskFailedEventAttributes = new()
        {
            Failure = failure,
            ScheduledEventId = activity.ScheduledEventId,
            Identity = identity,
            RetryState = retryState,
        } });
    });

    public void CancelActivity(TaskToken token, Payloads? details, string identity) => Change(() =>
    {
        var activity = StartedActivityFor(token);
        ResolveActivity(activity, new HistoryEvent { ActivityTaskCanceledEventAttributes = new()
        {
            Details = details,
            LatestCancelRequestedEventId = activity.CancelRequestedEventId,
            ScheduledEventId = activity.ScheduledEventId,
            Identity = identity,
        } });
    });

    /// <summary>Finds the running attempt a worker's token refers to, or refuses the call as Temporal does.</summary>
    private ActivityState StartedActivityFor(TaskToken token) =>
        activities.FindAttempt(token.Id, token.Attempt, ActivityPhase.Started)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "Activity task not found."));

    /// <summary>Finds a pending activity by its id, for the by-id variants of the worker calls.</summary>
    public TaskToken TokenForActivityId(string activityId) => Read(() =>
    {
        var activity = activities.FindStarted(activityId)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "Activity task not found."));
        return new TaskToken(TaskTokenKind.ActivityTask, RunId, activity.ScheduledEventId, activity.Attempt, "");
    });

    private void RetryActivityAfter(ActivityState activity, Failure failure, TimeSpan delay)
    {
        activity.AttemptAlarm?.Cancel();
        activity.HeartbeatAlarm?.Cancel();
        activity.LastFailure = failure;
        activity.Attempt++;
        activities.SetPhase(activity, ActivityPhase.BackingOff);
        activity.AttemptAlarm = engine.Clock.ScheduleAfter(delay, this, () => Change(() =>
        {
            if (activities.Contains(activity) && activity.Phase == ActivityPhase.BackingOff)
            {
                DispatchActivityAttempt(activity);
            }
        }));
    }

    private void TimeOutActivity(ActivityState activity, TimeoutType timeoutType)
    {
        if (!activities.Contains(activity))
        {
            return;
        }
        var failure = new Failure
        {
            Message = $"activity {timeoutType} timeout",
            TimeoutFailureInfo = new TimeoutFailureInfo { TimeoutType = timeoutType, LastHeartbeatDetails = activity.HeartbeatDetails },
            Cause = activity.LastFailure,
        };
        // Start-to-close and heartbeat timeouts end one attempt; schedule-to-start and schedule-to-close end the
        // activity, as they do in Temporal.
        var mayRetry = timeoutType is TimeoutType.StartToClose or TimeoutType.Heartbeat && !activity.CancelRequested;
        var (retryState, delay) = mayRetry
            ? RetryRules.Decide(activity.Scheduled.RetryPolicy, activity.Attempt, failure, Now, activity.ScheduleToCloseDeadline)
            : (RetryState.Timeout, TimeSpan.Zero);
        if (retryState == RetryState.InProgress)
        {
            RetryActivityAfter(activity, failure, delay);
            return;
        }
        if (mayRetry && retryState == RetryState.Timeout)
        {
            // The attempt could have been retried but the next one would not start before the schedule-to-close
            // deadline: Temporal reports that deadline, not the attempt's timeout, as what ended the activity.
            failure.Message = $"activity {TimeoutType.ScheduleToClose} timeout";
            failure.TimeoutFailureInfo.TimeoutType = TimeoutType.ScheduleToClose;
        }
        ResolveActivity(activity, new HistoryEvent { ActivityTaskTimedOutEventAttributes = new()
        {
            Failure = failure,
            ScheduledEventId = activity.ScheduledEventId,
            RetryState = retryState == RetryState.InProgress ? RetryState.Timeout : retryState,
        } });
    }

    /// <summary>
    /// Ends the activity and records its outcome as an input for the workflow. If an attempt was running, its started
    /// event is written just before the outcome, and the outcome refers to it.
    /// </summary>
    private void ResolveActivity(ActivityState activity, HistoryEvent outcome)
    {
        activity.CancelAlarms();
        var wasStarted = activity.Phase == ActivityPhase.Started;
        activities.Remove(activity);
        var key = activity.ScheduledEventId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!wasStarted)
        {
            RecordInput(InputKind.ActivityResolved, key, outcome);
            return;
        }
        var started = new HistoryEvent
        {
            ActivityTaskStartedEventAttributes = new()
            {
                ScheduledEventId = activity.ScheduledEventId,
                Identity = activity.StartedIdentity,
                RequestId = activity.StartRequestId,
                Attempt = activity.Attempt,
                LastFailure = activity.LastFailure,
            },
        };
        RecordInput(InputKind.ActivityResolved, key, started, outcome);
    }

    private void RequestCancelActivity(long scheduledEventId, long completedEventId)
    {
        var requested = History.Append(Now, e => e.ActivityTaskCancelRequestedEventAttributes = new()
        {
            ScheduledEventId = scheduledEventId,
            WorkflowTaskCompletedEventId = completedEventId,
        });
        if (activities.Find(scheduledEventId) is not { } activity)
        {
            return; // Already resolved; its outcome is on its way to the workflow.
        }
        activity.CancelRequestedEventId = requested.EventId;
        if (activity.Phase != ActivityPhase.Started)
        {
            // No worker holds it, so there is nobody to tell: it is cancelled on the spot.
            ResolveActivity(activity, new HistoryEvent { ActivityTaskCanceledEventAttributes = new()
            {
                LatestCancelRequestedEventId = requested.EventId,
                ScheduledEventId = scheduledEventId,
                } });
        }
    }
}
