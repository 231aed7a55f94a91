using System.Collections.Concurrent;
using Temporalio.Client;
using Temporalio.Client.Interceptors;

namespace OfflineTemporal.Tests.Infrastructure;

/// <summary>
/// Records the id of every workflow a test starts, so that a test that times out can terminate what it left running.
/// Otherwise its abandoned GetResultAsync would wait forever holding the time-skipping server's clock unlocked, and
/// every later test would fail for a reason that is not its own.
/// </summary>
public sealed class StartedWorkflowRecorder : IClientInterceptor
{
    private readonly ConcurrentBag<string> ids = [];

    /// <summary>Gets the ids started so far.</summary>
    public IReadOnlyCollection<string> Ids => ids;

    /// <inheritdoc/>
    public ClientOutboundInterceptor InterceptClient(ClientOutboundInterceptor nextInterceptor) => new Outbound(nextInterceptor, ids);

    private sealed class Outbound(ClientOutboundInterceptor next, ConcurrentBag<string> ids) : ClientOutboundInterceptor(next)
    {
        public override Task<WorkflowHandle<TWorkflow, TResult>> StartWorkflowAsync<TWorkflow, TResult>(StartWorkflowInput input)
        {
            ids.Add(input.Options.Id!);
            return base.StartWorkflowAsync<TWorkflow, TResult>(input);
        }
    }
}
