using Grpc.Core;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.WorkflowService.V1;
using Sykefravaer.OfflineTemporal.Engine;
using Sykefravaer.OfflineTemporal.Engine.Matching;
using Sykefravaer.OfflineTemporal.Hosting;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>Workers polling for workflow tasks and reporting their outcome.</summary>
internal sealed class WorkflowTaskHandlers(TemporalEngine engine) : IRpcHandlers
{
    public void Register(RpcRouteTable routes)
    {
        var service = WorkflowServiceEndpoint.Service;
        routes.Add<PollWorkflowTaskQueueRequest, PollWorkflowTaskQueueResponse>(service, "PollWorkflowTaskQueue", PollAsync);
        routes.Add<RespondWorkflowTaskCompletedRequest, RespondWorkflowTaskCompletedResponse>(service, "RespondWorkflowTaskCompleted", (request, _) =>
        {
            var token = TaskToken.Decode(request.TaskToken, TaskTokenKind.WorkflowTask);
            return Task.FromResult(engine.Store.RunForToken(token.RunId).CompleteWorkflowTask(token, request));
        });
        routes.Add<RespondWorkflowTaskFailedRequest, RespondWorkflowTaskFailedResponse>(service, "RespondWorkflowTaskFailed", (request, _) =>
        {
            var token = TaskToken.Decode(request.TaskToken, TaskTokenKind.WorkflowTask);
            engine.Store.RunForToken(token.RunId).FailWorkflowTask(token, request);
            return Task.FromResult(new RespondWorkflowTaskFailedResponse());
        });
    }

    /// <summary>
    /// Waits for a ticket on the polled queue and claims its task from the run; tickets that went stale meanwhile are
    /// skipped. An empty response (no task token) tells the worker the long poll expired, as Temporal's does.
    /// </summary>
    private async Task<PollWorkflowTaskQueueResponse> PollAsync(PollWorkflowTaskQueueRequest request, ServerCallContext context)
    {
        engine.Namespaces.IdOf(request.Namespace);
        RpcErrors.Require(!string.IsNullOrEmpty(request.TaskQueue?.Name), "TaskQueue is not set on request.");
        var queue = engine.Matcher.WorkflowQueue(request.Namespace, request.TaskQueue!.Name);
        var fromSticky = request.TaskQueue.Kind == TaskQueueKind.Sticky;
        var giveUpAt = DateTime.UtcNow + LongPoll.Budget(context, LongPoll.TaskPollCap);
        while (giveUpAt > DateTime.UtcNow)
        {
            var ticket = await queue.TakeAsync(giveUpAt - DateTime.UtcNow, context.CancellationToken).ConfigureAwait(false);
            var task = ticket switch
            {
                null => new PollWorkflowTaskQueueResponse(),
                WorkflowTaskTicket workflowTask => workflowTask.Run.TryStartWorkflowTask(workflowTask, request),
                QueryTaskTicket queryTask => queryTask.Run.TryStartQueryTask(queryTask, fromSticky),
                _ => null,
            };
            if (task is not null)
            {
                task.BacklogCountHint = queue.BacklogCount;
                return task;
            }
        }
        return new PollWorkflowTaskQueueResponse();
    }
}
