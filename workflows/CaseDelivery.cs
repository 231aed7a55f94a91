using Sykefravaer.Domain.Cases;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;

namespace Sykefravaer.Workflows;

/// <summary>
/// The one way an event reaches a person's case: signal-with-start on the person's workflow ID. The open case takes
/// the signal; when the person has none (or the last one closed) a new run starts with it. The API, <c>simulate</c>
/// and the tests all deliver through this, so they start cases the same way.
/// </summary>
public static class CaseDelivery
{
    /// <summary>Delivers <paramref name="e"/> to the case of <paramref name="input"/>'s person; when this returns, the
    /// event is in the workflow's history. The handle is of the run that took it.</summary>
    public static Task<WorkflowHandle> SignalWithStartAsync(
        this ITemporalClient client, string taskQueue, CaseWorkflowInput input, CaseEvent e, RpcOptions? rpc = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(e);
        var options = new WorkflowOptions(CaseWorkflowIds.ForPerson(input.PersonRef), taskQueue)
        {
            // The running case takes the event; a closed one is followed by the person's next case, a new run.
            IdConflictPolicy = WorkflowIdConflictPolicy.UseExisting,
            IdReusePolicy = WorkflowIdReusePolicy.AllowDuplicate,
            StartSignal = CaseSignals.For(e),
            StartSignalArgs = [e],
            Rpc = rpc,
        };
        // By name, not by lambda: the SDK evaluates a lambda's arguments as expression trees on every call.
        return client.StartWorkflowAsync(OppfolgingstilfelleWorkflow.Name, [input], options);
    }
}
