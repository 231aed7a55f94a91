using Microsoft.Extensions.Configuration;

namespace Sykefravaer.Hosting.Telemetry;

/// <summary>The operational endpoints' settings, from configuration (<c>Telemetry__GaugeInterval</c>,
/// <c>Telemetry__ReadinessTimeout</c>).</summary>
/// <param name="GaugeInterval">How often the stored counts behind the gauges are read again.</param>
/// <param name="ReadinessTimeout">How long <c>/internal/isready</c> waits for PostgreSQL and for Temporal each.</param>
public sealed record TelemetrySettings(TimeSpan GaugeInterval, TimeSpan ReadinessTimeout)
{
    public static readonly TimeSpan DefaultGaugeInterval = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DefaultReadinessTimeout = TimeSpan.FromSeconds(3);

    public static TelemetrySettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(
            ConfigurationValues.PositiveSpan(configuration, "Telemetry:GaugeInterval", DefaultGaugeInterval),
            ConfigurationValues.PositiveSpan(configuration, "Telemetry:ReadinessTimeout", DefaultReadinessTimeout));
    }
}
