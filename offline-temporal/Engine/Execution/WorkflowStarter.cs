using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.ErrorDetails.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// Starting a workflow when its id may already be in use: request-id deduplication, the id conflict policy (what to
/// do about a running workflow) and the id reuse policy (whether a closed one's id may be used again).
/// </summary>
internal static class WorkflowStarter
{
    public static (WorkflowRun Run, bool Started) Start(
        WorkflowStore store,
        StartParameters start,
        WorkflowIdReusePolicy reusePolicy,
        WorkflowIdConflictPolicy conflictPolicy,
        InitialSignal? signal = null)
    {
        var chain = store.Chain(start.Namespace, start.WorkflowId);
        lock (chain.Gate)
        {
            if (chain.Current is { } current)
            {
                if (start.RequestId.Length > 0 && current.Start.RequestId == start.RequestId)
                {
                    return (current, true); // The same request again: answer as the first time.
                }
                if (current.IsOpen)
                {
                    // Older clients still express "terminate the running one" through the deprecated reuse policy.
#pragma warning disable CS0612
                    if (reusePolicy == WorkflowIdReusePolicy.TerminateIfRunning && conflictPolicy == WorkflowIdConflictPolicy.Unspecified)
#pragma warning restore CS0612
                    {
                        conflictPolicy = WorkflowIdConflictPolicy.TerminateExisting;
                    }
                    switch (conflictPolicy)
                    {
                        case WorkflowIdConflictPolicy.UseExisting:
                            return (current, false);
                        case WorkflowIdConflictPolicy.TerminateExisting:
                            current.Terminate("terminated by a new start with the TerminateExisting conflict policy", null, start.Identity);
                            break;
                        default:
                            throw AlreadyStarted(current, $"Workflow execution is already running. WorkflowId: {current.WorkflowId}, RunId: {current.RunId}.");
                    }
                }
                else if (reusePolicy == WorkflowIdReusePolicy.RejectDuplicate
                    || (reusePolicy == WorkflowIdReusePolicy.AllowDuplicateFailedOnly && current.Status == WorkflowExecutionStatus.Completed))
                {
                    throw AlreadyStarted(current, $"Workflow execution already finished and its id policy {reusePolicy} forbids reuse. WorkflowId: {current.WorkflowId}, RunId: {current.RunId}.");
                }
            }
            var run = chain.CreateRun(store.Engine, start);
            run.Begin(signal);
            return (run, true);
        }
    }

    /// <summary>
    /// The "already started" error, with the typed failure in the status details: without it the SDK cannot raise
    /// its <c>WorkflowAlreadyStartedException</c>.
    /// </summary>
    private static RpcException AlreadyStarted(WorkflowRun existing, string message)
    {
        var detail = new WorkflowExecutionAlreadyStartedFailure { StartRequestId = existing.Start.RequestId, RunId = existing.RunId };
        return new RpcException(
            new Status(StatusCode.AlreadyExists, message),
            new Metadata { { "grpc-status-details-bin", RpcStatusDetails.Encode(StatusCode.AlreadyExists, message, Any.Pack(detail)) } });
    }
}
