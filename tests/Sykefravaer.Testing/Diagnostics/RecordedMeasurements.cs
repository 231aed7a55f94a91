using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Sykefravaer.Testing.Diagnostics;

/// <summary>Listens to one <see cref="Meter"/> and keeps every measurement, for tests that assert what a process
/// counted and with which tags.</summary>
public sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, IReadOnlyDictionary<string, string?> Tags)> measurements = new();

    public RecordedMeasurements(Meter meter)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString()))));
        listener.Start();
    }

    /// <summary>The sum of what <paramref name="instrument"/> counted with every tag given.</summary>
    public long Sum(string instrument, params (string Key, string Value)[] tags) =>
        measurements
            .Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value))
            .Sum(m => m.Value);

    /// <summary>Every tag value recorded on any instrument.</summary>
    public IEnumerable<string?> AllTagValues => measurements.SelectMany(m => m.Tags.Values);

    public void Dispose() => listener.Dispose();
}
