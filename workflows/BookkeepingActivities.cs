using System.Linq.Expressions;
using Sykefravaer.Activities;
using Temporalio.Workflows;

namespace Sykefravaer.Workflows;

/// <summary>
/// Runs a bookkeeping write (the projection, the record of a decision): writes that only record what the workflow
/// has decided, take milliseconds and are idempotent, which is what local activities are for. Notices, tasks, the
/// forhåndsvarsel and the AAP transition stay ordinary activities: they are the case's effects, visible one by one
/// in its history.
/// </summary>
internal static class BookkeepingActivities
{
    public static Task<TResult> RunAsync<TResult>(Expression<Func<CaseActivities, Task<TResult>>> write) =>
        Workflow.Patched(WorkflowPatches.BookkeepingAsLocalActivities)
            ? Workflow.ExecuteLocalActivityAsync(write, CaseActivityOptions.Local)
            : Workflow.ExecuteActivityAsync(write, CaseActivityOptions.Default);
}
