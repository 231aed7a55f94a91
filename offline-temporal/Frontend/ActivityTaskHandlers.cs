using Grpc.Core;
using Temporalio.Api.WorkflowService.V1;
using Sykefravaer.OfflineTemporal.Engine;
using Sykefravaer.OfflineTemporal.Engine.Execution;
using Sykefravaer.OfflineTemporal.Engine.Matching;
using Sykefravaer.OfflineTemporal.Hosting;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>Workers polling for activity tasks, heartbeating, and reporting results (by token or by id).</summary>
internal sealed class ActivityTaskHandlers(TemporalEngine engine) : IRpcHandlers
{
    public void Register(RpcRouteTable routes)
    {
        var service = WorkflowServiceEndpoint.Service;
        routes.Add<PollActivityTaskQueueRequest, PollActivityTaskQueueResponse>(service, "PollActivityTaskQueue", PollAsync);
        routes.Add<RecordActivityTaskHeartbeatRequest, RecordActivityTaskHeartbeatResponse>(service, "RecordActivityTaskHeartbeat", (request, _) =>
        {
            var (run, token) = ByToken(request.TaskToken);
            return Task.FromResult(new RecordActivityTaskHeartbeatResponse { CancelRequested = run.Heartbeat(token, request.Details) });
        });
        routes.Add<RecordActivityTaskHeartbeatByIdRequest, RecordActivityTaskHeartbeatByIdResponse>(service, "RecordActivityTaskHeartbeatById", (request, _) =>
        {
            var (run, token) = ById(request.Namespace, request.WorkflowId, request.RunId, request.ActivityId);
            return Task.FromResult(new RecordActivityTaskHeartbeatByIdResponse { CancelRequested = run.Heartbeat(token, request.Details) });
        });
        routes.Add<RespondActivityTaskCompletedRequest, RespondActivityTaskCompletedResponse>(service, "RespondActivityTaskCompleted", (request, _) =>
        {
            var (run, token) = ByToken(request.TaskToken);
            run.CompleteActivity(token, request.Result, request.Identity);
            return Task.FromResult(new RespondActivityTaskCompletedResponse());
        });
        routes.Add<RespondActivityTaskCompletedByIdRequest, RespondActivityTaskCompletedByIdResponse>(service, "RespondActivityTaskCompletedById", (request, _) =>
        {
            var (run, token) = ById(request.Namespace, request.WorkflowId, request.RunId, request.ActivityId);
            run.CompleteActivity(token, request.Result, request.Identity);
            return Task.FromResult(new RespondActivityTaskCompletedByIdResponse());
        });
        routes.Add<RespondActivityTaskFailedRequest, RespondActivityTaskFailedResponse>(service, "RespondActivityTaskFailed", (request, _) =>
        {
            var (run, token) = ByToken(request.TaskToken);
            run.FailActivity(token, request.Failure, request.LastHeartbeatDetails, request.Identity);
            return Task.FromResult(new RespondActivityTaskFailedResponse());
        });
        routes.Add<RespondActivityTaskFailedByIdRequest, RespondActivityTaskFailedByIdResponse>(service, "RespondActivityTaskFailedById", (request, _) =>
        {
            var (run, token) = ById(request.Namespace, request.WorkflowId, request.RunId, request.ActivityId);
            run.FailActivity(token, request.Failure, request.LastHeartbeatDetails, request.Identity);
            return Task.FromResult(new RespondActivityTaskFailedByIdResponse());
        });
        routes.Add<RespondActivityTaskCanceledRequest, RespondActivityTaskCanceledResponse>(service, "RespondActivityTaskCanceled", (request, _) =>
        {
            var (run, token) = ByToken(request.TaskToken);
            run.CancelActivity(token, request.Details, request.Identity);
            return Task.FromResult(new RespondActivityTaskCanceledResponse());
        });
        routes.Add<RespondActivityTaskCanceledByIdRequest, RespondActivityTaskCanceledByIdResponse>(service, "RespondActivityTaskCanceledById", (request, _) =>
        {
            var (run, token) = ById(request.Namespace, request.WorkflowId, request.RunId, request.ActivityId);
            run.CancelActivity(token, request.Details, request.Identity);
            return Task.FromResult(new RespondActivityTaskCanceledByIdResponse());
        });
    }

    private async Task<PollActivityTaskQueueResponse> PollAsync(PollActivityTaskQueueRequest request, ServerCallContext context)
    {
        engine.Namespaces.IdOf(request.Namespace);
        RpcErrors.Require(!string.IsNullOrEmpty(request.TaskQueue?.Name), "TaskQueue is not set on request.");
        var queue = engine.Matcher.ActivityQueue(request.Namespace, request.TaskQueue!.Name);
        var giveUpAt = DateTime.UtcNow + LongPoll.Budget(context, LongPoll.TaskPollCap);
        while (giveUpAt > DateTime.UtcNow)
        {
            var ticket = await queue.TakeAsync(giveUpAt - DateTime.UtcNow, context.CancellationToken).ConfigureAwait(false);
            if (ticket is null)
            {
                break;
            }
            if (ticket.Run.TryStartActivityTask(ticket, request) is { } task)
            {
                return task;
            }
        }
        return new PollActivityTaskQueueResponse();
    }

    private (WorkflowRun Run, TaskToken Token) ByToken(Google.Protobuf.ByteString taskToken)
    {
        var token = TaskToken.Decode(taskToken, TaskTokenKind.ActivityTask);
        return (engine.Store.RunForToken(token.RunId), token);
    }

    private (WorkflowRun Run, TaskToken Token) ById(string ns, string workflowId, string runId, string activityId)
    {
        var run = engine.Store.Find(ns, workflowId, runId);
        return (run, run.TokenForActivityId(activityId));
    }
}
