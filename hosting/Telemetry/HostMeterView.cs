using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Sykefravaer.Hosting.Telemetry;

/// <summary>
/// The one view of a host's metrics: only this host's own instruments, and Temporal's latencies in seconds.
/// </summary>
/// <remarks>OpenTelemetry listens to meters by name, process-wide. A process that runs several hosts (the tests run an
/// API and a worker and more, each with its own gauges over its own last read) would otherwise export every host's
/// <c>sykefravaer_*</c> gauges as one series, whichever callback ran last winning: a figure 30 seconds old from a host
/// nobody scraped. A meter belongs to this host when it is this host's <see cref="EngineMetrics"/> or
/// <see cref="TemporalMetricsBridge"/> meter, or when this host's <see cref="IMeterFactory"/> made it (ASP.NET Core's).</remarks>
public static class HostMeterView
{
    public static MeterProviderBuilder AddHostMeterView(this MeterProviderBuilder metrics) =>
        metrics is IDeferredMeterProviderBuilder deferred
            ? deferred.Configure((provider, builder) => builder.AddView(new OwnMeters(provider).View))
            : throw new InvalidOperationException("The host's meter view needs the host's services: add it inside WithMetrics.");

    // The host's meters are looked up once, when the provider is built: the view itself runs while the runtime
    // publishes an instrument, under the meter listener's lock, where resolving a service that creates a meter of its
    // own (EngineMetrics does) would wait on that same lock for ever.
    private sealed class OwnMeters(IServiceProvider provider)
    {
        private readonly Meter engine = provider.GetRequiredService<EngineMetrics>().Meter;
        private readonly Meter temporal = provider.GetRequiredService<TemporalMetricsBridge>().Meter;
        private readonly IMeterFactory? factory = provider.GetService<IMeterFactory>();

        public MetricStreamConfiguration? View(Instrument instrument) =>
            IsThisHosts(instrument.Meter) ? TemporalMetricsBridge.SecondsBuckets(instrument) : MetricStreamConfiguration.Drop;

        private bool IsThisHosts(Meter meter) => meter.Name switch
        {
            EngineMetrics.MeterName => ReferenceEquals(meter, engine),
            TemporalMetricsBridge.MeterName => ReferenceEquals(meter, temporal),
            _ => meter.Scope is null || ReferenceEquals(meter.Scope, factory),
        };
    }
}
