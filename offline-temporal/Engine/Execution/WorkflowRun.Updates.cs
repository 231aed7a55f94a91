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
    /// <summary>Admits an update, or finds the one already admitted under the same id.</summary>
    public UpdateState AdmitUpdate(Request request) => Change(() =>
    {
        if (updates.Find(request.Meta.UpdateId) is { } existing)
        {
            return existing;
        }
        EnsureOpen();
        var update = updates.Admit(request);
        if (!workflowTasks.InFlight)
        {
            ScheduleWorkflowTask();
        }
        return update;
    });

    public UpdateState FindUpdate(string updateId) => Read(() => updates.Find(updateId)
        ?? throw new RpcException(new Status(StatusCode.NotFound, $"update {updateId} not found")));

    private void ApplyUpdateMessage(Message message)
    {
        if (updates.Find(message.ProtocolInstanceId) is not { } update)
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
            updates.Accepted(update, accepted.EventId);
        }
        else if (message.Body.TryUnpack<Rejection>(out var rejection))
        {
            updates.Rejected(update, rejection.Failure);
        }
        else if (message.Body.TryUnpack<Response>(out var response))
        {
            var acceptedEventId = updates.AcceptedEventIdOf(update.Id);
            History.Append(Now, e => e.WorkflowExecutionUpdateCompletedEventAttributes = new()
            {
                Meta = response.Meta ?? update.Request.Meta,
                AcceptedEventId = acceptedEventId,
                Outcome = response.Outcome,
            });
            update.Complete(response.Outcome);
        }
    }
}
