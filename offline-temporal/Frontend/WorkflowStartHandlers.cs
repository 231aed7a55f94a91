using Grpc.Core;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.WorkflowService.V1;
using Sykefravaer.OfflineTemporal.Engine;
using Sykefravaer.OfflineTemporal.Engine.Execution;
using Sykefravaer.OfflineTemporal.Hosting;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>StartWorkflowExecution and SignalWithStartWorkflowExecution.</summary>
internal sealed class WorkflowStartHandlers(TemporalEngine engine) : IRpcHandlers
{
    public void Register(RpcRouteTable routes)
    {
        var service = WorkflowServiceEndpoint.Service;
        routes.Add<StartWorkflowExecutionRequest, StartWorkflowExecutionResponse>(service, "StartWorkflowExecution", StartAsync);
        routes.Add<SignalWithStartWorkflowExecutionRequest, SignalWithStartWorkflowExecutionResponse>(service, "SignalWithStartWorkflowExecution", SignalWithStartAsync);
    }

    private Task<StartWorkflowExecutionResponse> StartAsync(StartWorkflowExecutionRequest request, ServerCallContext context)
    {
        if (request.RequestEagerExecution)
        {
            // Eager start is an optimisation the server may decline; declining keeps the ordinary path.
            request.RequestEagerExecution = false;
        }
        var start = StartRequests.From(engine, request);
        var (run, started) = WorkflowStarter.Start(engine.Store, start, request.WorkflowIdReusePolicy, request.WorkflowIdConflictPolicy);
        return Task.FromResult(new StartWorkflowExecutionResponse
        {
            RunId = run.RunId,
            Started = started,
            Status = run.Status,
        });
    }

    private Task<SignalWithStartWorkflowExecutionResponse> SignalWithStartAsync(
        SignalWithStartWorkflowExecutionRequest request, ServerCallContext context)
    {
        var start = StartRequests.From(engine, request);
        // Signal-with-start signals a running workflow rather than failing: its default conflict policy is UseExisting.
        var conflictPolicy = request.WorkflowIdConflictPolicy == WorkflowIdConflictPolicy.Unspecified
            ? WorkflowIdConflictPolicy.UseExisting
            : request.WorkflowIdConflictPolicy;
        var (run, started) = WorkflowStarter.Start(
            engine.Store,
            start,
            request.WorkflowIdReusePolicy,
            conflictPolicy,
            new InitialSignal(request.SignalName, request.SignalInput, request.Identity, request.Header));
        if (!started)
        {
            run.Signal(request.SignalName, request.SignalInput, request.Identity, request.RequestId, request.Header);
        }
        return Task.FromResult(new SignalWithStartWorkflowExecutionResponse { RunId = run.RunId, Started = started });
    }
}
