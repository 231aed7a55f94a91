using Microsoft.Extensions.Configuration;

namespace Sykefravaer.Hosting.Telemetry;

/// <summary>The operational endpoints' settings, from configuration (<c>Telemetry__GaugeInterval</c>,
/// <c>Telemetry__ReadinessTimeout</c>, <c>Telemetry__CoreLogLevel</c>).</summary>
/// <param name="GaugeInterval">How often the stored counts behind the gauges are read again.</param>
/// <param name="ReadinessTimeout">How long <c>/internal/isready</c> waits for PostgreSQL and for Temporal each.</param>
/// <param name="CoreLogLevel">The least severe log of the SDK's Core (Rust) that reaches the host's logging, as
/// category <c>Temporalio.Core</c>: Trace, Debug, Info, Warn (the default, as the SDK's) or Error.</param>
public sealed record TelemetrySettings(
    TimeSpan GaugeInterval, TimeSpan ReadinessTimeout, Temporalio.Runtime.TelemetryFilterOptions.Level CoreLogLevel = Temporalio.Runtime.TelemetryFilterOptions.Level.Warn)
{
    public static readonly TimeSpan DefaultGaugeInterval = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DefaultReadinessTimeout = TimeSpan.FromSeconds(3);

    public static TelemetrySettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(
            ConfigurationValues.PositiveSpan(configuration, "Telemetry:GaugeInterval", DefaultGaugeInterval),
            ConfigurationValues.PositiveSpan(configuration, "Telemetry:ReadinessTimeout", DefaultReadinessTimeout),
            CoreLevel(configuration));
    }

    private static Temporalio.Runtime.TelemetryFilterOptions.Level CoreLevel(IConfiguration configuration) =>
        ConfigurationValues.Text(configuration, "Telemetry:CoreLogLevel") is not { } text ? Temporalio.Runtime.TelemetryFilterOptions.Level.Warn
        : Enum.TryParse<Temporalio.Runtime.TelemetryFilterOptions.Level>(text, ignoreCase: true, out var level) && Enum.IsDefined(level) && !int.TryParse(text, out _) ? level
        : throw new InvalidOperationException($"Configuration Telemetry:CoreLogLevel must be Trace, Debug, Info, Warn or Error, not \"{text}\".");
}
