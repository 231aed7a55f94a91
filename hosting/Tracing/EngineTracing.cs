using System.Diagnostics;

namespace Sykefravaer.Hosting.Tracing;

/// <summary>The engine's trace sources: Temporal calls from the client, inside workflows and in activities, named as
/// Temporal's own tracing extension names its spans (<c>SignalWithStartWorkflow:…</c>, <c>HandleSignal:…</c>,
/// <c>StartActivity:…</c>, <c>RunActivity:…</c>).</summary>
public static class EngineTracing
{
    /// <summary>The Temporal header that carries the trace context, as every Temporal SDK's tracing names it, so a
    /// trace continues across SDKs.</summary>
    public const string HeaderKey = "_tracer-data";

    public static readonly ActivitySource Client = new("Sykefravaer.Temporal.Client");

    public static readonly ActivitySource Workflows = new("Sykefravaer.Temporal.Workflows");

    public static readonly ActivitySource Activities = new("Sykefravaer.Temporal.Activities");

    public static IReadOnlyList<string> SourceNames { get; } = [Client.Name, Workflows.Name, Activities.Name];
}
