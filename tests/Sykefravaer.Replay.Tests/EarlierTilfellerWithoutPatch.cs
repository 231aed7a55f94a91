using Sykefravaer.Activities;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Workflows;
using Temporalio.Worker.Interceptors;
using Temporalio.Workflows;

namespace Sykefravaer.Replay.Tests;

/// <summary>
/// The change behind <see cref="WorkflowPatches.EarlierTilfellerFromStore"/> made the careless way, without
/// <c>Workflow.Patched</c>: a run started by signal-with-start reads the person's earlier tilfeller before the real
/// workflow code (which replays old histories on its old path) runs.
/// </summary>
internal sealed class EarlierTilfellerWithoutPatch : IWorkerInterceptor
{
    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new Inbound(nextInterceptor);

    private sealed class Inbound(WorkflowInboundInterceptor next) : WorkflowInboundInterceptor(next)
    {
        public override async Task<object?> ExecuteWorkflowAsync(ExecuteWorkflowInput input)
        {
            if (input.Args.FirstOrDefault() is CaseWorkflowInput { State: null } start)
            {
                var query = new EarlierTilfellerQuery(start.PersonRef, DateOnly.FromDateTime(Workflow.UtcNow).AddYears(-4));
                await Workflow.ExecuteLocalActivityAsync<IReadOnlyList<Oppfolgingstilfelle>>(
                    "EarlierTilfeller", [query], CaseActivityOptions.Local);
            }

            return await base.ExecuteWorkflowAsync(input);
        }
    }
}
