using Temporalio.Client.Interceptors;
using Temporalio.Worker.Interceptors;

namespace Sykefravaer.Hosting.Tracing;

/// <summary>
/// Traces through Temporal, as Temporal's OpenTelemetry extension for .NET does (which the package mirror here does
/// not serve): client calls start spans and send their context in the <see cref="EngineTracing.HeaderKey"/> header;
/// workflows continue it without a long-lived span (each is started and stopped at once, and none on replay); activities
/// run in a span for the attempt, so their PostgreSQL spans hang under it. On a client it also serves the workers made
/// from that client.
/// </summary>
/// <remarks>One deliberate difference from the extension: a signal's work is parented to the signal's own trace (the
/// event's HTTP request), not to the start of the workflow, which for a case is the first event, months ago. One trace
/// then shows one event from the request to the rows it wrote.</remarks>
public sealed class TracingInterceptor : IClientInterceptor, IWorkerInterceptor
{
    public ClientOutboundInterceptor InterceptClient(ClientOutboundInterceptor nextInterceptor) => new TracingClientOutbound(nextInterceptor);

    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new TracingWorkflowInbound(nextInterceptor);

    public ActivityInboundInterceptor InterceptActivity(ActivityInboundInterceptor nextInterceptor) => new TracingActivityInbound(nextInterceptor);
}
