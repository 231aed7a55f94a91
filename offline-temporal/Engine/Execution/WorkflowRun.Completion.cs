using Grpc.Core;
using Temporalio.Api.Command.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.WorkflowService.V1;
using Sykefravaer.OfflineTemporal.Engine.Matching;
using Sykefravaer.OfflineTemporal.Engine.Visibility;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>A worker completing a workflow task: query answers, then commands and protocol messages, then inputs.</summary>
internal sealed partial class WorkflowRun
{
    public RespondWorkflowTaskCompletedResponse CompleteWorkflowTask(TaskToken token, RespondWorkflowTaskCompletedRequest request) => Change(() =>
    {
        var slot = StartedTaskFor(token);
        AnswerRideAlongQueries(slot, request.QueryResults);

        if (FindInvalidCommand(request.Commands) is { } problem)
        {
            throw RefuseCompletion(slot, problem.Cause, problem.Message, request.Identity);
        }
        if (ClosesWithoutSeeingInputs(request.Commands))
        {
            // The workflow decided to close without having seen inputs that arrived meanwhile. Temporal refuses the
            // completion so the next task shows it those inputs, rather than losing them.
            throw RefuseCompletion(slot, WorkflowTaskFailedCause.UnhandledCommand, message: null, request.Identity);
        }

        slot.Timeout?.Cancel();
        var completed = History.Append(Now, e => e.WorkflowTaskCompletedEventAttributes = new()
        {
            ScheduledEventId = slot.ScheduledEventId,
            StartedEventId = slot.StartedEventId,
            Identity = request.Identity,
            // The SDK reads its flags and its language-specific metadata back from here when it replays.
            SdkMetadata = request.SdkMetadata,
            MeteringMetadata = request.MeteringMetadata,
            VersioningBehavior = request.VersioningBehavior,
        });
        workflowTasks.Completed(
            slot, request.StickyAttributes is { WorkerTaskQueue.Name.Length: > 0 } attributes ? attributes.Clone() : null);

        var eager = new EagerActivityStarts(request.Identity);
        workflowTasks.ApplyCompletion(() => ApplyCommandsAndMessages(request, completed.EventId, eager));
        if (!IsOpen)
        {
            return new RespondWorkflowTaskCompletedResponse();
        }

        // Updates delivered with this task that the worker neither accepted nor rejected are offered again.
        updates.OfferAgain(slot.Updates);
        var hadInputs = FlushBufferedInputs();
        if (hadInputs || request.ForceCreateNewWorkflowTask || updates.HasUndelivered)
        {
            ScheduleWorkflowTask();
        }
        else
        {
            DispatchWaitingQueriesAsQueryTasks();
        }
        return new RespondWorkflowTaskCompletedResponse { ActivityTasks = { eager.Tasks } };
    });

    /// <summary>
    /// Fails the task for a completion the server will not accept, schedules the next attempt, and returns the error
    /// Temporal answers with: InvalidArgument, whose message is the cause's name (then the detail, if any).
    /// </summary>
    /// <remarks>
    /// The error, not a success, is what keeps the worker right: the SDK core evicts the run from its cache on
    /// exactly "UnhandledCommand", so the next task is replayed from the full history. Answered with success, the
    /// worker believes its commands were applied and may answer the next task from a cached workflow that already
    /// returned, sending the refused close command again and losing the inputs it was refused for.
    /// </remarks>
    private RpcException RefuseCompletion(WorkflowTaskSlot slot, WorkflowTaskFailedCause cause, string? message, string identity)
    {
        var text = message is null ? cause.ToString() : $"{cause}: {message}";
        FailStartedWorkflowTask(slot, cause, new Failure { Message = text }, identity);
        return new RpcException(new Status(StatusCode.InvalidArgument, text));
    }

    /// <summary>
    /// Applies commands in order. A protocol message command says where the events of an update message go among
    /// the others; messages no command places (rejections, which write no event) are applied afterwards.
    /// </summary>
    private void ApplyCommandsAndMessages(RespondWorkflowTaskCompletedRequest request, long completedEventId, EagerActivityStarts eager)
    {
        var unplacedMessages = request.Messages.ToDictionary(message => message.Id);
        foreach (var command in request.Commands)
        {
            if (!IsOpen)
            {
                return;
            }
            if (command.CommandType == CommandType.ProtocolMessage)
            {
                if (unplacedMessages.Remove(command.ProtocolMessageCommandAttributes.MessageId, out var message))
                {
                    ApplyUpdateMessage(message);
                }
                continue;
            }
            ApplyCommand(command, completedEventId, request.Identity, eager);
        }
        foreach (var message in request.Messages.Where(message => unplacedMessages.ContainsKey(message.Id)))
        {
            ApplyUpdateMessage(message);
        }
    }

    private void ApplyCommand(Command command, long completedEventId, string identity, EagerActivityStarts eager)
    {
        switch (command.AttributesCase)
        {
            case Command.AttributesOneofCase.ScheduleActivityTaskCommandAttributes:
                ScheduleActivity(command.ScheduleActivityTaskCommandAttributes, completedEventId, command.UserMetadata, eager);
                break;
            case Command.AttributesOneofCase.RequestCancelActivityTaskCommandAttributes:
                RequestCancelActivity(command.RequestCancelActivityTaskCommandAttributes.ScheduledEventId, completedEventId);
                break;
            case Command.AttributesOneofCase.StartTimerCommandAttributes:
                StartTimer(command.StartTimerCommandAttributes, completedEventId, command.UserMetadata);
                break;
            case Command.AttributesOneofCase.CancelTimerCommandAttributes:
                CancelTimer(command.CancelTimerCommandAttributes.TimerId, completedEventId, identity);
                break;
            case Command.AttributesOneofCase.RecordMarkerCommandAttributes:
                var marker = command.RecordMarkerCommandAttributes;
                History.Append(Now, e => e.MarkerRecordedEventAttributes = new()
                {
                    MarkerName = marker.MarkerName,
                    Details = { marker.Details },
                    Header = marker.Header,
                    Failure = marker.Failure,
                    WorkflowTaskCompletedEventId = completedEventId,
                });
                break;
            case Command.AttributesOneofCase.UpsertWorkflowSearchAttributesCommandAttributes:
                var upsert = command.UpsertWorkflowSearchAttributesCommandAttributes.SearchAttributes;
                History.Append(Now, e => e.UpsertWorkflowSearchAttributesEventAttributes = new()
                {
                    SearchAttributes = upsert,
                    WorkflowTaskCompletedEventId = completedEventId,
                });
                SearchAttributeValues.Merge(SearchAttributes.IndexedFields, upsert.IndexedFields);
                break;
            case Command.AttributesOneofCase.ModifyWorkflowPropertiesCommandAttributes:
                var memo = command.ModifyWorkflowPropertiesCommandAttributes.UpsertedMemo;
                History.Append(Now, e => e.WorkflowPropertiesModifiedEventAttributes = new()
                {
                    UpsertedMemo = memo,
                    WorkflowTaskCompletedEventId = completedEventId,
                });
                SearchAttributeValues.Merge(Memo.Fields, memo.Fields);
                break;
            case Command.AttributesOneofCase.CompleteWorkflowExecutionCommandAttributes:
                var result = command.CompleteWorkflowExecutionCommandAttributes.Result;
                Close(WorkflowExecutionStatus.Completed, History.Append(Now, e => e.WorkflowExecutionCompletedEventAttributes = new()
                {
                    Result = result,
                    WorkflowTaskCompletedEventId = completedEventId,
                }));
                break;
            case Command.AttributesOneofCase.FailWorkflowExecutionCommandAttributes:
                FailWorkflow(command.FailWorkflowExecutionCommandAttributes.Failure, completedEventId);
                break;
            case Command.AttributesOneofCase.CancelWorkflowExecutionCommandAttributes:
                var details = command.CancelWorkflowExecutionCommandAttributes.Details;
                Close(WorkflowExecutionStatus.Canceled, History.Append(Now, e => e.WorkflowExecutionCanceledEventAttributes = new()
                {
                    Details = details,
                    WorkflowTaskCompletedEventId = completedEventId,
                }));
                break;
            case Command.AttributesOneofCase.ContinueAsNewWorkflowExecutionCommandAttributes:
                ContinueAsNew(command.ContinueAsNewWorkflowExecutionCommandAttributes, completedEventId);
                break;
            default:
                throw UnsupportedCommand(command);
        }
    }

    /// <summary>
    /// Whether a close command among <paramref name="commands"/> would be applied while inputs the workflow has not
    /// seen are buffered (or updates wait to be delivered).
    /// </summary>
    /// <remarks>
    /// Temporal makes this check as it reaches the close command, after the commands before it are applied: a
    /// CancelTimer for a timer that fired during the task withdraws the buffered firing, and if that was all that was
    /// buffered the close is accepted. The SDK sends exactly [CancelTimer, CompleteWorkflowExecution] when a
    /// WaitConditionAsync with a timeout is satisfied in the same task in which its timer fires. The withdrawal is
    /// worked out here rather than applied, so that a refused completion leaves no effects.
    /// </remarks>
    private bool ClosesWithoutSeeingInputs(IEnumerable<Command> commands)
    {
        var cancelledTimers = new HashSet<string>();
        foreach (var command in commands)
        {
            if (command.AttributesCase == Command.AttributesOneofCase.CancelTimerCommandAttributes)
            {
                cancelledTimers.Add(command.CancelTimerCommandAttributes.TimerId);
            }
            else if (IsCloseCommand(command))
            {
                return updates.HasUndelivered
                    || buffered.HasAnyBesidesFiringsOf(cancelledTimers);
            }
        }
        return false;
    }

    private static bool IsCloseCommand(Command command) => command.CommandType is CommandType.CompleteWorkflowExecution
        or CommandType.FailWorkflowExecution or CommandType.CancelWorkflowExecution or CommandType.ContinueAsNewWorkflowExecution;

    private static RpcException UnsupportedCommand(Command command) => new(new Status(
        StatusCode.Unimplemented,
        $"WorkflowService.RespondWorkflowTaskCompleted: command {command.CommandType} is not implemented by the offline Temporal server"));

    /// <summary>
    /// Checks every command before any is applied, so a bad one fails the task without leaving half its effects, as
    /// Temporal's validation does. Commands this server does not implement are refused outright.
    /// </summary>
    private (WorkflowTaskFailedCause Cause, string Message)? FindInvalidCommand(IEnumerable<Command> commands)
    {
        var newTimerIds = new HashSet<string>();
        var newActivityIds = new HashSet<string>();
        foreach (var command in commands)
        {
            switch (command.AttributesCase)
            {
                case Command.AttributesOneofCase.ScheduleActivityTaskCommandAttributes:
                    var activity = command.ScheduleActivityTaskCommandAttributes;
                    if (activity.StartToCloseTimeout is null && activity.ScheduleToCloseTimeout is null)
                    {
                        return (WorkflowTaskFailedCause.BadScheduleActivityAttributes,
                            "A valid StartToClose or ScheduleToCloseTimeout is not set on ScheduleActivityTaskCommand.");
                    }
                    if (!newActivityIds.Add(activity.ActivityId) || activities.IsActivityIdInUse(activity.ActivityId))
                    {
                        return (WorkflowTaskFailedCause.ScheduleActivityDuplicateId, $"Activity id {activity.ActivityId} is already in use.");
                    }
                    break;
                case Command.AttributesOneofCase.StartTimerCommandAttributes:
                    var timerId = command.StartTimerCommandAttributes.TimerId;
                    if (!newTimerIds.Add(timerId) || timers.IsRunning(timerId))
                    {
                        return (WorkflowTaskFailedCause.StartTimerDuplicateId, $"Timer id {timerId} is already in use.");
                    }
                    break;
                case Command.AttributesOneofCase.UpsertWorkflowSearchAttributesCommandAttributes:
                    var unknown = engine.SearchAttributes.FindUnknown(
                        command.UpsertWorkflowSearchAttributesCommandAttributes.SearchAttributes?.IndexedFields.Keys ?? []);
                    if (unknown is not null)
                    {
                        return (WorkflowTaskFailedCause.BadSearchAttributes, $"search attribute {unknown} is not defined");
                    }
                    break;
                case Command.AttributesOneofCase.ProtocolMessageCommandAttributes:
                case Command.AttributesOneofCase.RequestCancelActivityTaskCommandAttributes:
                case Command.AttributesOneofCase.CancelTimerCommandAttributes:
                case Command.AttributesOneofCase.RecordMarkerCommandAttributes:
                case Command.AttributesOneofCase.ModifyWorkflowPropertiesCommandAttributes:
                case Command.AttributesOneofCase.CompleteWorkflowExecutionCommandAttributes:
                case Command.AttributesOneofCase.FailWorkflowExecutionCommandAttributes:
                case Command.AttributesOneofCase.CancelWorkflowExecutionCommandAttributes:
                case Command.AttributesOneofCase.ContinueAsNewWorkflowExecutionCommandAttributes:
                    break;
                default:
                    throw UnsupportedCommand(command);
            }
        }
        return null;
    }
}
