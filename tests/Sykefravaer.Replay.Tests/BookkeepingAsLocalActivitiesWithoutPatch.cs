using Sykefravaer.Activities;
using Temporalio.Worker.Interceptors;

namespace Sykefravaer.Replay.Tests;

/// <summary>
/// The change behind <see cref="Sykefravaer.Workflows.WorkflowPatches.BookkeepingAsLocalActivities"/> made the
/// careless way, without <c>Workflow.Patched</c>: whenever the real workflow code takes the old path and schedules
/// a bookkeeping write as an ordinary activity, this interceptor runs it as a local activity instead.
/// </summary>
internal sealed class BookkeepingAsLocalActivitiesWithoutPatch : IWorkerInterceptor
{
    private static readonly HashSet<string> Bookkeeping = ["UpdateProjection", "RecordDecision"];

    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new Inbound(nextInterceptor);

    private sealed class Inbound(WorkflowInboundInterceptor next) : WorkflowInboundInterceptor(next)
    {
        public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new Outbound(outbound));
    }

    private sealed class Outbound(WorkflowOutboundInterceptor next) : WorkflowOutboundInterceptor(next)
    {
        public override Task<TResult> ScheduleActivityAsync<TResult>(ScheduleActivityInput input) =>
            Bookkeeping.Contains(input.Activity)
                ? ScheduleLocalActivityAsync<TResult>(new ScheduleLocalActivityInput(input.Activity, input.Args, CaseActivityOptions.Local, input.Headers))
                : base.ScheduleActivityAsync<TResult>(input);
    }
}
