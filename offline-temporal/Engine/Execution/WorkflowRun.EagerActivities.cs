using Temporalio.Api.Command.V1;
using Temporalio.Api.WorkflowService.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// Eager activity dispatch: a worker completing a workflow task may ask, per scheduled activity, to be handed the
/// activity's first attempt in the completion's answer instead of polling for it. Temporal does this when
/// <c>system.enableActivityEagerExecution</c> is on, as the SDKs' test environments and the CLI's dev server turn it.
/// </summary>
/// <remarks>
/// It saves a poll round trip per activity, which with many workflows on two cores is a good share of all calls.
/// As in Temporal, only activities on the workflow's own task queue go eagerly (the completing worker polls that
/// queue), and only first attempts (retries are dispatched as usual). The SDK asks for no more than it has free slots.
/// </remarks>
internal sealed partial class WorkflowRun
{
    /// <summary>Starts the first attempt of <paramref name="activity"/> for the completing worker, if it asked for that.</summary>
    private bool TryStartEagerly(ActivityState activity, ScheduleActivityTaskCommandAttributes command, EagerActivityStarts? eager)
    {
        if (eager is null || !command.RequestEagerExecution || activity.Scheduled.TaskQueue.Name != TaskQueue)
        {
            return false;
        }
        activities.SetPhase(activity, ActivityPhase.Queued);
        activity.CurrentAttemptScheduledTime = Now;
        eager.Tasks.Add(StartActivityAttempt(activity, eager.Identity));
        return true;
    }
}

/// <summary>The activity tasks started eagerly while one workflow task completion is applied, for its answer.</summary>
internal sealed class EagerActivityStarts(string identity)
{
    /// <summary>Gets the identity of the completing worker, which starts the attempts.</summary>
    public string Identity { get; } = identity;

    public List<PollActivityTaskQueueResponse> Tasks { get; } = [];
}
