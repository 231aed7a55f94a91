using System.Diagnostics;
using Temporalio.Worker.Interceptors;

namespace Sykefravaer.Hosting.Tracing;

/// <summary>Each activity attempt in a span, a child of the context the workflow scheduled it with, so what the
/// activity does (its PostgreSQL statements) is in the event's trace.</summary>
internal sealed class TracingActivityInbound(ActivityInboundInterceptor next) : ActivityInboundInterceptor(next)
{
    public override async Task<object?> ExecuteActivityAsync(ExecuteActivityInput input)
    {
        using var span = EngineTracing.Activities.StartActivity(
            $"RunActivity:{input.Activity.Name}", ActivityKind.Server, TraceHeader.Read(input.Headers));
        try
        {
            return await base.ExecuteActivityAsync(input).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The type only: messages of the engine's exceptions may name a case, never a person, but stay safe.
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }
}
