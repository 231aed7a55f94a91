using Grpc.Core;
using Temporalio.Api.Protocol.V1;
using Temporalio.Api.Update.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// Workflow updates. A request is admitted, delivered to a worker as a protocol message on a workflow task, and
/// answered by the worker with an acceptance (written to history), a rejection (not written) and, once accepted, a
/// response (written). Clients wait for the stage they asked for.
/// </summary>
internal sealed partial class WorkflowRun
{
    private readonly Dictionary<string, UpdateState> updates = [];
    private readonly List<UpdateState> undeliveredUpdates = [];

    /// <summary>Admits an update, or finds the one already admitted under the same id.</summary>
    public UpdateState AdmitUpdate(Request request) => Change(() =>
    {
        if (updates.TryGetValue(request.Meta.UpdateId, out var existing))
        {
            return existing;
        }
        EnsureOpen();
        var update = new UpdateState(request);
        updates[update.Id] = update;
        undeliveredUpdates.Add(update);
        if (!workflowTasks.InFlight)
        {
            ScheduleWorkflowTask();
        }
        return update;
    });

    public UpdateState FindUpdate(string updateId) => Read(() => updates.TryGetValue(updateId, out var update)
        ? update
        : throw new RpcException(new Status(StatusCode.NotFound, $"update {updateId} not found")));

    private void ApplyUpdateMessage(Message message)
    {
        if (!updates.TryGetValue(message.ProtocolInstanceId, out var update))
        {
            return;
        }
        if (message.Body.TryUnpack<Acceptance>(out var acceptance))
        {
            var accepted = History.Append(Now, e => e.WorkflowExecutionUpdateAcceptedEventAttributes = new()
            {
                ProtocolInstanceId = update.Id,
                AcceptedRequestMessageId = acceptance.AcceptedRequestMessageId,
                AcceptedRequestSequencingEventId = acceptance.AcceptedRequestSequencingEventId,
                AcceptedRequest = acceptance.AcceptedRequest ?? update.Request,
            });
            acceptedEventIds[update.Id] = accepted.EventId;
            update.Accept();
        }
        else if (message.Body.TryUnpack<Rejection>(out var rejection))
        {
            // Rejected updates leave no trace in history, and their id may be used again.
            updates.Remove(update.Id);
            update.Complete(new Outcome { Failure = rejection.Failure });
        }
        else if (message.Body.TryUnpack<Response>(out var response))
        {
            acceptedEventIds.TryGetValue(update.Id, out var acceptedEventId);
            History.Append(Now, e => e.WorkflowExecutionUpdateCompletedEventAttributes = new()
            {
                Meta = response.Meta ?? update.Request.Meta,
                AcceptedEventId = acceptedEventId,
                Outcome = response.Outcome,
            });
            update.Complete(response.Outcome);
        }
    }

    private readonly Dictionary<string, long> acceptedEventIds = [];

    /// <summary>Updates that can no longer complete because the run closed fail their waiting clients.</summary>
    private void AbortPendingUpdates()
    {
        foreach (var update in updates.Values.Where(update => update.Stage != UpdateStage.Completed))
        {
            update.Abort("workflow execution already completed");
        }
        undeliveredUpdates.Clear();
    }
}
