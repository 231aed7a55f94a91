using Grpc.Core;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Update.V1;
using Temporalio.Api.WorkflowService.V1;
using Sykefravaer.OfflineTemporal.Engine;
using Sykefravaer.OfflineTemporal.Engine.Execution;
using Sykefravaer.OfflineTemporal.Hosting;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>
/// Workflow updates: admitting one, and waiting until it reaches the stage the client asked for. When the wait runs
/// out first, the answer names the stage reached so far and the client polls again, as with Temporal.
/// </summary>
internal sealed class UpdateHandlers(TemporalEngine engine) : IRpcHandlers
{
    public void Register(RpcRouteTable routes)
    {
        var service = WorkflowServiceEndpoint.Service;
        routes.Add<UpdateWorkflowExecutionRequest, UpdateWorkflowExecutionResponse>(service, "UpdateWorkflowExecution", UpdateAsync);
        routes.Add<PollWorkflowExecutionUpdateRequest, PollWorkflowExecutionUpdateResponse>(service, "PollWorkflowExecutionUpdate", PollAsync);
    }

    private async Task<UpdateWorkflowExecutionResponse> UpdateAsync(UpdateWorkflowExecutionRequest request, ServerCallContext context)
    {
        RpcErrors.Require(!string.IsNullOrEmpty(request.Request?.Meta?.UpdateId), "UpdateId is not set on request.");
        RpcErrors.Require(!string.IsNullOrEmpty(request.Request?.Input?.Name), "Update name is not set on request.");
        var run = engine.Store.Find(request.Namespace, request.WorkflowExecution.WorkflowId, request.WorkflowExecution.RunId);
        var update = run.AdmitUpdate(request.Request!);
        var (stage, outcome) = await WaitForStageAsync(run, update, request.WaitPolicy?.LifecycleStage, context).ConfigureAwait(false);
        return new UpdateWorkflowExecutionResponse
        {
            UpdateRef = new UpdateRef { WorkflowExecution = run.Execution, UpdateId = update.Id },
            Stage = stage,
            Outcome = outcome,
        };
    }

    private async Task<PollWorkflowExecutionUpdateResponse> PollAsync(PollWorkflowExecutionUpdateRequest request, ServerCallContext context)
    {
        var reference = request.UpdateRef ?? throw RpcErrors.InvalidArgument("UpdateRef is not set on request.");
        var run = engine.Store.Find(request.Namespace, reference.WorkflowExecution.WorkflowId, reference.WorkflowExecution.RunId);
        var update = run.FindUpdate(reference.UpdateId);
        var (stage, outcome) = await WaitForStageAsync(run, update, request.WaitPolicy?.LifecycleStage, context).ConfigureAwait(false);
        return new PollWorkflowExecutionUpdateResponse
        {
            UpdateRef = new UpdateRef { WorkflowExecution = run.Execution, UpdateId = update.Id },
            Stage = stage,
            Outcome = outcome,
        };
    }

    private static async Task<(UpdateWorkflowExecutionLifecycleStage Stage, Outcome? Outcome)> WaitForStageAsync(
        WorkflowRun run, UpdateState update, UpdateWorkflowExecutionLifecycleStage? wanted, ServerCallContext context)
    {
        var target = wanted switch
        {
            UpdateWorkflowExecutionLifecycleStage.Completed => UpdateStage.Completed,
            UpdateWorkflowExecutionLifecycleStage.Accepted => UpdateStage.Accepted,
            _ => UpdateStage.Admitted,
        };
        var giveUpAt = DateTime.UtcNow + LongPoll.Budget(context, LongPoll.HistoryPollCap);
        while (true)
        {
            var (stage, progress) = run.Read(() => (update.Stage, update.NextProgress));
            if (stage >= target)
            {
                break;
            }
            var remaining = giveUpAt - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || !await LongPoll.WaitAsync(progress, remaining, context.CancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }
        return run.Read(() =>
        {
            if (update.AbortReason is { } reason)
            {
                throw new RpcException(new Status(StatusCode.NotFound, reason));
            }
            return (update.Stage switch
            {
                UpdateStage.Completed => UpdateWorkflowExecutionLifecycleStage.Completed,
                UpdateStage.Accepted => UpdateWorkflowExecutionLifecycleStage.Accepted,
                _ => UpdateWorkflowExecutionLifecycleStage.Admitted,
            }, update.Outcome);
        });
    }
}
