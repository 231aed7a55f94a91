using Sykefravaer.Activities.Commands;
using Sykefravaer.Workflows;
using Temporalio.Worker.Interceptors;

namespace Sykefravaer.Replay.Tests;

/// <summary>
/// The change behind <see cref="WorkflowPatches.SkipUnchangedProjection"/> made the careless way, without
/// <c>Workflow.Patched</c>: the real workflow code runs, and this interceptor drops its projection write whenever
/// the projection is unchanged since the last one. Replaying old histories with it shows what the patch prevents.
/// </summary>
internal sealed class SkipUnchangedProjectionWithoutPatch : IWorkerInterceptor
{
    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new Inbound(nextInterceptor);

    private sealed class Inbound(WorkflowInboundInterceptor next) : WorkflowInboundInterceptor(next)
    {
        public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new Outbound(outbound));
    }

    private sealed class Outbound(WorkflowOutboundInterceptor next) : WorkflowOutboundInterceptor(next)
    {
        private string? _lastWritten;

        public override Task<TResult> ScheduleActivityAsync<TResult>(ScheduleActivityInput input)
        {
            if (input.Activity == "UpdateProjection" && input.Args.FirstOrDefault() is CaseProjection projection)
            {
                var fingerprint = ProjectionFingerprint.Of(projection);
                if (fingerprint == _lastWritten)
                {
                    return Task.FromResult(default(TResult)!); // no command: the write is skipped
                }

                _lastWritten = fingerprint;
            }

            return base.ScheduleActivityAsync<TResult>(input);
        }
    }
}
