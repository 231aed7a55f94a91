using System.Collections.Concurrent;
using Temporalio.Runtime;

namespace Sykefravaer.Workflows.Tests.Infrastructure;

/// <summary>A Temporal runtime's metric meter that keeps what was counted, by metric and tags, for tests of what
/// the workflow counts through <c>Workflow.MetricMeter</c>.</summary>
public sealed class RecordingMetricMeter : ICustomMetricMeter
{
    private readonly ConcurrentQueue<(string Metric, long Value, IReadOnlyDictionary<string, object> Tags)> counted = new();

    /// <summary>Every value <paramref name="metric"/> counted, with its tags.</summary>
    public IReadOnlyList<(long Value, IReadOnlyDictionary<string, object> Tags)> Counted(string metric) =>
        [.. counted.Where(c => c.Metric == metric).Select(c => (c.Value, c.Tags))];

    public ICustomMetricCounter<T> CreateCounter<T>(string name, string? unit, string? description)
        where T : struct => new Counter<T>(this, name);

    public ICustomMetricHistogram<T> CreateHistogram<T>(string name, string? unit, string? description)
        where T : struct => new Ignored<T>();

    public ICustomMetricGauge<T> CreateGauge<T>(string name, string? unit, string? description)
        where T : struct => new Ignored<T>();

    public object CreateTags(object? appendFrom, IReadOnlyCollection<KeyValuePair<string, object>> tags)
    {
        var merged = new Dictionary<string, object>((appendFrom as IReadOnlyDictionary<string, object>) ?? new Dictionary<string, object>());
        foreach (var (key, value) in tags)
        {
            merged[key] = value;
        }

        return merged;
    }

    private sealed class Counter<T>(RecordingMetricMeter meter, string name) : ICustomMetricCounter<T>
        where T : struct
    {
        public void Add(T value, object tags) =>
            meter.counted.Enqueue((name, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), (IReadOnlyDictionary<string, object>)tags));
    }

    private sealed class Ignored<T> : ICustomMetricHistogram<T>, ICustomMetricGauge<T>
        where T : struct
    {
        public void Record(T value, object tags)
        {
        }

        public void Set(T value, object tags)
        {
        }
    }
}
