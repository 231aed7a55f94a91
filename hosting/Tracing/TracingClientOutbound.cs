using System.Diagnostics;
using Temporalio.Client;
using Temporalio.Client.Interceptors;

namespace Sykefravaer.Hosting.Tracing;

/// <summary>Client calls in a span of their own (a child of the caller's, e.g. the HTTP request), its context sent
/// in the call's header.</summary>
internal sealed class TracingClientOutbound(ClientOutboundInterceptor next) : ClientOutboundInterceptor(next)
{
    public override async Task<WorkflowHandle<TWorkflow, TResult>> StartWorkflowAsync<TWorkflow, TResult>(StartWorkflowInput input)
    {
        var kind = input.Options.StartSignal is null ? "StartWorkflow" : "SignalWithStartWorkflow";
        using var span = EngineTracing.Client.StartActivity($"{kind}:{input.Workflow}", ActivityKind.Client);
        return await Traced(span, () => base.StartWorkflowAsync<TWorkflow, TResult>(input with { Headers = WithContext(input.Headers, span) })).ConfigureAwait(false);
    }

    public override async Task SignalWorkflowAsync(SignalWorkflowInput input)
    {
        using var span = EngineTracing.Client.StartActivity($"SignalWorkflow:{input.Signal}", ActivityKind.Client);
        await Traced(span, async () =>
        {
            await base.SignalWorkflowAsync(input with { Headers = WithContext(input.Headers, span) }).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    public override async Task<TResult> QueryWorkflowAsync<TResult>(QueryWorkflowInput input)
    {
        using var span = EngineTracing.Client.StartActivity($"QueryWorkflow:{input.Query}", ActivityKind.Client);
        return await Traced(span, () => base.QueryWorkflowAsync<TResult>(input with { Headers = WithContext(input.Headers, span) })).ConfigureAwait(false);
    }

    private static Dictionary<string, Temporalio.Api.Common.V1.Payload> WithContext(IDictionary<string, Temporalio.Api.Common.V1.Payload>? headers, Activity? span)
    {
        var copy = TraceHeader.CopyOf(headers);
        // Without a listener there is no span; the caller's context (if any) still travels.
        TraceHeader.Write(copy, span?.Context ?? Activity.Current?.Context ?? default);
        return copy;
    }

    private static async Task<T> Traced<T>(Activity? span, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }
}
