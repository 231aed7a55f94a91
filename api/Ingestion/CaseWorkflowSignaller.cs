using Sykefravaer.Domain.Cases;
using Sykefravaer.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace Sykefravaer.Api.Ingestion;

/// <summary>
/// Delivers an event to the person's case workflow by signal-with-start (<see cref="CaseDelivery"/>): the open case
/// gets the signal, and when the person has none (or the last one closed) a new run starts with it. When this
/// returns, the event is in the workflow's history: durable. A new run starts under the configured rule set
/// (<see cref="NewCaseSettings"/>); a running one ignores the input and keeps its own.
/// </summary>
public sealed class CaseWorkflowSignaller(ITemporalClient client, TemporalSettings settings, NewCaseSettings newCases)
{
    public async Task SignalWithStartAsync(string personRef, DateOnly birthDate, CaseEvent e, CancellationToken cancellationToken)
    {
        var rpc = new RpcOptions { Timeout = settings.RpcTimeout, CancellationToken = cancellationToken };
        try
        {
            await client.SignalWithStartAsync(settings.TaskQueue, new CaseWorkflowInput(personRef, birthDate, RuleSetVersion: newCases.RuleSetVersion), e, rpc)
                .ConfigureAwait(false);
        }
        catch (Exception error) when (IsUnavailable(error, cancellationToken))
        {
            throw new TemporalUnavailableException("Temporal did not take the signal", error);
        }
    }

    /// <summary>Gives a parked case its operator's answer; the person's current run is the one parked.</summary>
    public async Task ResumeAsync(string personRef, CaseResume answer, CancellationToken cancellationToken)
    {
        var rpc = new RpcOptions { Timeout = settings.RpcTimeout, CancellationToken = cancellationToken };
        try
        {
            await client.GetWorkflowHandle(CaseWorkflowIds.ForPerson(personRef))
                .SignalAsync(CaseResume.Signal, [answer], new WorkflowSignalOptions { Rpc = rpc })
                .ConfigureAwait(false);
        }
        catch (Exception error) when (IsUnavailable(error, cancellationToken))
        {
            throw new TemporalUnavailableException("Temporal did not take the signal", error);
        }
    }

    /// <summary>The server could not be reached, was overloaded, or did not answer in time. Anything else (a bad
    /// namespace, a rejected request) is a fault of this deployment and surfaces as a 500.</summary>
    private static bool IsUnavailable(Exception error, CancellationToken cancellationToken) => error switch
    {
        RpcException rpc => rpc.Code is RpcException.StatusCode.Unavailable
            or RpcException.StatusCode.DeadlineExceeded
            or RpcException.StatusCode.ResourceExhausted
            or RpcException.StatusCode.Aborted
            or RpcException.StatusCode.Unknown
            or RpcException.StatusCode.Internal
            or RpcException.StatusCode.Cancelled && !cancellationToken.IsCancellationRequested,
        // A lazily connected client that cannot connect reports it as an invalid operation.
        InvalidOperationException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
