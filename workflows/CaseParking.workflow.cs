using Microsoft.Extensions.Logging;
using Sykefravaer.Activities;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Domain.Time;
using Temporalio.Api.Enums.V1;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace Sykefravaer.Workflows;

/// <summary>
/// Reconciliation's last line (issue "One case, one truth"): a write that fails with an error no retry can mend (bad
/// data, an idempotency key already used for a different effect) parks the case instead of failing its workflow. The
/// workflow stays running, its events keep queueing, the case is marked <c>ACTIVITY_FAILED</c> for the operators, and
/// it waits for their <see cref="CaseResume"/>: retry the write, or skip it. A year-long case is never lost to one bad
/// write. Errors that a retry can mend (the database is down) never get here: their activities retry without end.
/// </summary>
internal sealed class CaseParking
{
    private const int MaxMessageLength = 500;

    private readonly Queue<CaseResume> _answers = new();

    /// <summary>Gets the activity the case waits on, or null when it is not parked.</summary>
    public ParkedActivity? Parked { get; private set; }

    /// <summary>An operator's answer; one that comes while the case is not parked is logged and dropped (the API
    /// refuses it before signalling, so only a stray signal gets here).</summary>
    public void Receive(CaseResume answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (Parked is null)
        {
            Workflow.Logger.LogWarning("Resume {ResumeId} ignored: the case is not parked", answer.Id);
            return;
        }

        _answers.Enqueue(answer);
    }

    /// <summary>Runs <paramref name="write"/>; when it fails for good, parks until an operator retries (and it runs
    /// again) or skips it.</summary>
    public async Task RunAsync(Guid caseId, string personRef, Func<Task> write)
    {
        while (true)
        {
            try
            {
                await write();
                return;
            }
            catch (ActivityFailureException failure) when (IsPermanent(failure))
            {
                var answer = await ParkAsync(caseId, personRef, failure);
                if (answer.Action == ResumeAction.Skip)
                {
                    return;
                }
            }
        }
    }

    private static bool IsPermanent(ActivityFailureException failure) =>
        failure.InnerException is ApplicationFailureException { NonRetryable: true }
        || failure.RetryState == RetryState.NonRetryableFailure;

    private async Task<CaseResume> ParkAsync(Guid caseId, string personRef, ActivityFailureException failure)
    {
        var activity = failure.ActivityType ?? "unknown";
        var errorType = (failure.InnerException as ApplicationFailureException)?.ErrorType ?? "unknown";
        // Parked before the mark is written: the API lets a resume through only for a marked case.
        var message = failure.InnerException?.Message ?? failure.Message;
        // Bounded, so the record of the operator's answer (which quotes it) stays within the audit trail's limit.
        Parked = new ParkedActivity(activity, $"{errorType}: {message[..Math.Min(message.Length, MaxMessageLength)]}");
        Workflow.Logger.LogError(
            "Case {CaseId} parked: activity {Activity} failed with {ErrorType}, which no retry mends; waiting for an operator to retry or skip it",
            caseId, activity, errorType);
        var park = new ParkCaseCommand(caseId, activity, Parked.Error);
        await Workflow.ExecuteLocalActivityAsync((CaseActivities a) => a.ParkCaseAsync(park), CaseActivityOptions.Local);

        await Workflow.WaitConditionAsync(() => _answers.Count > 0);
        var answer = _answers.Dequeue();
        var parked = Parked;
        Parked = null;
        _answers.Clear(); // answers to the same parking after the first are moot

        await Workflow.ExecuteLocalActivityAsync((CaseActivities a) => a.UnparkCaseAsync(caseId), CaseActivityOptions.Local);
        var decision = new DecisionCommand(
            caseId, personRef, $"resume:{answer.Id}", $"OPERATOR_{answer.Action.ToString().ToUpperInvariant()}",
            NorwegianTime.DateOf(new DateTimeOffset(Workflow.UtcNow, TimeSpan.Zero)),
            $"{parked.Activity} failed ({parked.Error}): {answer.Reason}", answer.By);
        await Workflow.ExecuteLocalActivityAsync((CaseActivities a) => a.RecordDecisionAsync(decision), CaseActivityOptions.Local);
        Workflow.Logger.LogWarning(
            "Case {CaseId} resumed by {Action} of activity {Activity} (resume {ResumeId})", caseId, answer.Action, parked.Activity, answer.Id);
        return answer;
    }
}
