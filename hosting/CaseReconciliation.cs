using Microsoft.Extensions.Logging;
using Sykefravaer.Persistence.Postgres.Reconciliation;
using Sykefravaer.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace Sykefravaer.Hosting;

/// <summary>
/// Finds cases that are open in PostgreSQL while no workflow keeps them (the person's workflow is gone, terminated,
/// failed, timed out or done) and marks them for the operators (<see cref="CaseAttention"/>), so no case stays open
/// silently with none of its milestones ever to fire. A case cannot be resumed from its projection (the projection
/// is what the case shows, not the facts it decides from), so marking is what the sweep does; the log line names the
/// case id and the reason, never the person.
/// </summary>
public sealed partial class CaseReconciliation(CaseAttention attention, ITemporalClient client, ILogger<CaseReconciliation> logger)
{
    private const int PageSize = 200;

    /// <summary>Checks every open, unmarked case once; returns how many were checked and how many marked.</summary>
    public async Task<(int Checked, int Marked)> SweepAsync(CancellationToken cancellationToken)
    {
        var checkedCases = 0;
        var marked = 0;
        var after = Guid.Empty;
        // One description per person a sweep: a person's stale cases share the one workflow id.
        var workflows = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (true)
        {
            var page = await attention.OpenUnmarkedAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var (caseId, personRef) in page)
            {
                checkedCases++;
                if (!workflows.TryGetValue(personRef, out var reason))
                {
                    reason = await OrphanReasonAsync(personRef, cancellationToken).ConfigureAwait(false);
                    workflows[personRef] = reason;
                }
                if (reason is not null && await attention.MarkAsync(caseId, reason, cancellationToken).ConfigureAwait(false))
                {
                    marked++;
                    LogMarked(logger, caseId, reason);
                }
            }
            if (page.Count < PageSize)
            {
                return (checkedCases, marked);
            }
            after = page[^1].CaseId;
        }
    }

    /// <summary>Why nothing keeps the person's open case, or null when their workflow is running.</summary>
    private async Task<string?> OrphanReasonAsync(string personRef, CancellationToken cancellationToken)
    {
        try
        {
            var description = await client.GetWorkflowHandle(CaseWorkflowIds.ForPerson(personRef))
                .DescribeAsync(new() { Rpc = new() { CancellationToken = cancellationToken } }).ConfigureAwait(false);
            return ReasonFor(description.Status);
        }
        catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
        {
            return "WORKFLOW_NOT_FOUND";
        }
    }

    /// <summary>The mark for a workflow in <paramref name="status"/>; null while it runs (it keeps its case).</summary>
    public static string? ReasonFor(WorkflowExecutionStatus status) => status switch
    {
        WorkflowExecutionStatus.Running or WorkflowExecutionStatus.ContinuedAsNew => null,
        WorkflowExecutionStatus.Terminated => "WORKFLOW_TERMINATED",
        WorkflowExecutionStatus.Failed => "WORKFLOW_FAILED",
        WorkflowExecutionStatus.TimedOut => "WORKFLOW_TIMED_OUT",
        WorkflowExecutionStatus.Canceled => "WORKFLOW_CANCELED",
        _ => "WORKFLOW_COMPLETED",
    };

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Case {CaseId} is open but its workflow is not running ({Reason}): marked for the operators; its reads show needsAttention")]
    private static partial void LogMarked(ILogger logger, Guid caseId, string reason);
}
