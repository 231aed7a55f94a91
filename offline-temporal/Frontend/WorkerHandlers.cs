using Temporalio.Api.WorkflowService.V1;
using Sykefravaer.OfflineTemporal.Engine;
using Sykefravaer.OfflineTemporal.Hosting;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>Worker lifecycle: a worker shutting down gives up its sticky queue.</summary>
internal sealed class WorkerHandlers(TemporalEngine engine) : IRpcHandlers
{
    public void Register(RpcRouteTable routes)
    {
        var service = WorkflowServiceEndpoint.Service;
        routes.Add<ShutdownWorkerRequest, ShutdownWorkerResponse>(service, "ShutdownWorker", (request, _) =>
        {
            if (request.StickyTaskQueue.Length > 0)
            {
                // Tasks waiting for this worker's cache go to the workflows' own queues, with full history.
                foreach (var ticket in engine.Matcher.CloseStickyQueue(request.Namespace, request.StickyTaskQueue))
                {
                    ticket.Run.RedirectFromClosedStickyQueue(ticket);
                }
            }
            return Task.FromResult(new ShutdownWorkerResponse());
        });
        routes.Add<ResetStickyTaskQueueRequest, ResetStickyTaskQueueResponse>(service, "ResetStickyTaskQueue", (request, _) =>
        {
            engine.Store.Find(request.Namespace, request.Execution.WorkflowId, request.Execution.RunId).ResetSticky();
            return Task.FromResult(new ResetStickyTaskQueueResponse());
        });
    }
}
