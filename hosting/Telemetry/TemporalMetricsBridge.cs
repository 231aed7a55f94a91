using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using Temporalio.Runtime;

namespace Sykefravaer.Hosting.Telemetry;

/// <summary>
/// Temporal's core metrics (the SDK's runtime telemetry: pollers, task latencies, slots, sticky cache, RPCs, and what
/// workflows record through <c>Workflow.MetricMeter</c>) as .NET instruments on one <see cref="Meter"/>, so that the
/// process's one Prometheus endpoint serves them beside the engine's own. The SDK's DiagnosticSource extension does
/// this; the package mirror does not serve it, so this is the small adapter it would have been.
/// </summary>
/// <remarks>Core names its own metrics with the <c>temporal_</c> prefix; tags are namespace, task queue and workflow
/// or activity type, never a case's data.</remarks>
public sealed class TemporalMetricsBridge : ICustomMetricMeter, IDisposable
{
    public const string MeterName = "Temporalio";

    private static readonly double[] LatencyBoundariesInSeconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Meter meter = new(MeterName);

    /// <summary>This bridge's meter, so that a host exports its own Temporal figures and no other host's.</summary>
    public Meter Meter => meter;

    /// <summary>Core's latencies arrive in seconds (see <see cref="CustomMetricMeterOptions.DurationFormat.FloatSeconds"/>);
    /// the exporter's default buckets (0 to 10,000) are made for milliseconds, so every latency would land in one.</summary>
    public static MetricStreamConfiguration? SecondsBuckets(Instrument instrument) =>
        instrument is Histogram<double> && instrument.Meter.Name == MeterName
            ? new ExplicitBucketHistogramConfiguration { Boundaries = LatencyBoundariesInSeconds }
            : null;

    public ICustomMetricCounter<T> CreateCounter<T>(string name, string? unit, string? description)
        where T : struct => new CounterBridge<T>(meter.CreateCounter<T>(name, unit, description));

    public ICustomMetricHistogram<T> CreateHistogram<T>(string name, string? unit, string? description)
        where T : struct => new HistogramBridge<T>(meter.CreateHistogram<T>(name, unit, description));

    public ICustomMetricGauge<T> CreateGauge<T>(string name, string? unit, string? description)
        where T : struct => new GaugeBridge<T>(meter.CreateGauge<T>(name, unit, description));

    public object CreateTags(object? appendFrom, IReadOnlyCollection<KeyValuePair<string, object>> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var start = appendFrom as KeyValuePair<string, object?>[] ?? [];
        return (KeyValuePair<string, object?>[])[.. start, .. tags.Select(t => new KeyValuePair<string, object?>(t.Key, t.Value))];
    }

    public void Dispose() => meter.Dispose();

    private static ReadOnlySpan<KeyValuePair<string, object?>> Tags(object tags) => (KeyValuePair<string, object?>[])tags;

    private sealed class CounterBridge<T>(Counter<T> counter) : ICustomMetricCounter<T>
        where T : struct
    {
        public void Add(T value, object tags) => counter.Add(value, Tags(tags));
    }

    private sealed class HistogramBridge<T>(Histogram<T> histogram) : ICustomMetricHistogram<T>
        where T : struct
    {
        public void Record(T value, object tags) => histogram.Record(value, Tags(tags));
    }

    private sealed class GaugeBridge<T>(Gauge<T> gauge) : ICustomMetricGauge<T>
        where T : struct
    {
        public void Set(T value, object tags) => gauge.Record(value, Tags(tags));
    }
}
