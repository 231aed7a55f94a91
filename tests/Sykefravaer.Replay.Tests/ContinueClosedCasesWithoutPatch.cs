using Sykefravaer.Activities;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Workflows;
using Temporalio.Worker.Interceptors;
using Temporalio.Workflows;

namespace Sykefravaer.Replay.Tests;

/// <summary>
/// The change behind <see cref="WorkflowPatches.ContinueClosedCases"/> made the careless way, without
/// <c>Workflow.Patched</c>: a run started by signal-with-start asks for the person's last closed case before the real
/// workflow code (which replays old histories on its old path) runs.
/// </summary>
internal sealed class ContinueClosedCasesWithoutPatch : IWorkerInterceptor
{
    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new Inbound(nextInterceptor);

    private sealed class Inbound(WorkflowInboundInterceptor next) : WorkflowInboundInterceptor(next)
    {
        public override async Task<object?> ExecuteWorkflowAsync(ExecuteWorkflowInput input)
        {
            if (input.Args.FirstOrDefault() is CaseWorkflowInput { State: null } start)
            {
                await Workflow.ExecuteLocalActivityAsync<ClosedCase?>(
                    "LastClosedCase", [new LastClosedCaseQuery(start.PersonRef)], CaseActivityOptions.Local);
            }

            return await base.ExecuteWorkflowAsync(input);
        }
    }
}
