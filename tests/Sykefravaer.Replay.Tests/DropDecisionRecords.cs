using Temporalio.Worker.Interceptors;

namespace Sykefravaer.Replay.Tests;

/// <summary>
/// A change to the workflow's commands made the careless way, without <c>Workflow.Patched</c>: the real workflow
/// code runs, and this interceptor drops every record of a veileder decision it asks for. Replaying the release's
/// histories with it shows what the replay tests catch.
/// </summary>
internal sealed class DropDecisionRecords : IWorkerInterceptor
{
    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new Inbound(nextInterceptor);

    private sealed class Inbound(WorkflowInboundInterceptor next) : WorkflowInboundInterceptor(next)
    {
        public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new Outbound(outbound));
    }

    private sealed class Outbound(WorkflowOutboundInterceptor next) : WorkflowOutboundInterceptor(next)
    {
        public override Task<TResult> ScheduleLocalActivityAsync<TResult>(ScheduleLocalActivityInput input) =>
            input.Activity == "RecordDecision"
                ? Task.FromResult(default(TResult)!) // no command: the record is not written
                : base.ScheduleLocalActivityAsync<TResult>(input);
    }
}
