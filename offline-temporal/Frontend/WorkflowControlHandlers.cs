using Grpc.Core;
using Temporalio.Api.WorkflowService.V1;
using Sykefravaer.OfflineTemporal.Engine;
using Sykefravaer.OfflineTemporal.Hosting;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>Signal, cancel and terminate: a client acting on a running workflow.</summary>
internal sealed class WorkflowControlHandlers(TemporalEngine engine) : IRpcHandlers
{
    public void Register(RpcRouteTable routes)
    {
        var service = WorkflowServiceEndpoint.Service;
        routes.Add<SignalWorkflowExecutionRequest, SignalWorkflowExecutionResponse>(service, "SignalWorkflowExecution", SignalAsync);
        routes.Add<RequestCancelWorkflowExecutionRequest, RequestCancelWorkflowExecutionResponse>(service, "RequestCancelWorkflowExecution", CancelAsync);
        routes.Add<TerminateWorkflowExecutionRequest, TerminateWorkflowExecutionResponse>(service, "TerminateWorkflowExecution", TerminateAsync);
    }

    private Task<SignalWorkflowExecutionResponse> SignalAsync(SignalWorkflowExecutionRequest request, ServerCallContext context)
    {
        RpcErrors.Require(request.SignalName.Length > 0, "SignalName is not set on request.");
        var run = engine.Store.Find(request.Namespace, request.WorkflowExecution.WorkflowId, request.WorkflowExecution.RunId);
        run.Signal(request.SignalName, request.Input, request.Identity, request.RequestId, request.Header);
        return Task.FromResult(new SignalWorkflowExecutionResponse());
    }

    private Task<RequestCancelWorkflowExecutionResponse> CancelAsync(RequestCancelWorkflowExecutionRequest request, ServerCallContext context)
    {
        var run = engine.Store.Find(request.Namespace, request.WorkflowExecution.WorkflowId, request.WorkflowExecution.RunId);
        run.RequestCancel(request.Identity, request.Reason);
        return Task.FromResult(new RequestCancelWorkflowExecutionResponse());
    }

    private Task<TerminateWorkflowExecutionResponse> TerminateAsync(TerminateWorkflowExecutionRequest request, ServerCallContext context)
    {
        var run = engine.Store.Find(request.Namespace, request.WorkflowExecution.WorkflowId, request.WorkflowExecution.RunId);
        run.Terminate(request.Reason, request.Details, request.Identity);
        return Task.FromResult(new TerminateWorkflowExecutionResponse());
    }
}
