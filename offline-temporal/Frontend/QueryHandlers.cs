using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.ErrorDetails.V1;
using Temporalio.Api.Query.V1;
using Temporalio.Api.WorkflowService.V1;
using Sykefravaer.OfflineTemporal.Engine;
using Sykefravaer.OfflineTemporal.Engine.Execution;
using Sykefravaer.OfflineTemporal.Engine.Matching;
using Sykefravaer.OfflineTemporal.Hosting;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>Client queries, and workers answering query-only tasks.</summary>
internal sealed class QueryHandlers(TemporalEngine engine) : IRpcHandlers
{
    public void Register(RpcRouteTable routes)
    {
        var service = WorkflowServiceEndpoint.Service;
        routes.Add<QueryWorkflowRequest, QueryWorkflowResponse>(service, "QueryWorkflow", QueryAsync);
        routes.Add<RespondQueryTaskCompletedRequest, RespondQueryTaskCompletedResponse>(service, "RespondQueryTaskCompleted", (request, _) =>
        {
            var token = TaskToken.Decode(request.TaskToken, TaskTokenKind.QueryTask);
            engine.Store.RunForToken(token.RunId).AnswerQueryTask(token, request);
            return Task.FromResult(new RespondQueryTaskCompletedResponse());
        });
    }

    private async Task<QueryWorkflowResponse> QueryAsync(QueryWorkflowRequest request, ServerCallContext context)
    {
        RpcErrors.Require(!string.IsNullOrEmpty(request.Query?.QueryType), "QueryType is not set on request.");
        var run = engine.Store.Find(request.Namespace, request.Execution.WorkflowId, request.Execution.RunId);
        var status = run.Status;
        if (Rejects(request.QueryRejectCondition, status))
        {
            return new QueryWorkflowResponse { QueryRejected = new QueryRejected { Status = status } };
        }
        var query = run.SubmitQuery(request.Query!);
        var answered = await LongPoll.WaitAsync(query.Answer, LongPoll.Budget(context, TimeSpan.FromMinutes(5)), context.CancellationToken).ConfigureAwait(false);
        if (!answered)
        {
            run.WithdrawQuery(query);
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, "query timed out before a worker answered it"));
        }
        var result = await query.Answer.ConfigureAwait(false);
        if (result.ResultType == QueryResultType.Answered)
        {
            return new QueryWorkflowResponse { QueryResult = result.Answer };
        }
        // A failed query reaches the client as an InvalidArgument error carrying the failure, as from Temporal.
        var failure = new QueryFailedFailure { Failure = result.Failure };
        throw new RpcException(
            new Status(StatusCode.InvalidArgument, result.ErrorMessage),
            new Metadata { { "grpc-status-details-bin", RpcStatusDetails.Encode(StatusCode.InvalidArgument, result.ErrorMessage, Any.Pack(failure)) } });
    }

    private static bool Rejects(QueryRejectCondition condition, WorkflowExecutionStatus status) => condition switch
    {
        QueryRejectCondition.NotOpen => status != WorkflowExecutionStatus.Running,
        QueryRejectCondition.NotCompletedCleanly => status is not (WorkflowExecutionStatus.Running or WorkflowExecutionStatus.Completed),
        _ => false,
    };
}
