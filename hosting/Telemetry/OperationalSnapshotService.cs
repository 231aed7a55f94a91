using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sykefravaer.Persistence.Reads;

namespace Sykefravaer.Hosting.Telemetry;

/// <summary>Reads <see cref="OperationalCounts"/> into <see cref="OperationalGauges"/> every
/// <see cref="TelemetrySettings.GaugeInterval"/>. A failed read keeps the last figures and tries again; it never
/// stops the process.</summary>
public sealed partial class OperationalSnapshotService(
    OperationalCounts counts, OperationalGauges gauges, TelemetrySettings settings, TimeProvider time, ILogger<OperationalSnapshotService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.GaugeInterval, time);
        do
        {
            try
            {
                gauges.Update(await counts.ReadAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, settings.GaugeInterval, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the operational counts failed; the gauges keep their last figures and try again in {Interval}")]
    private static partial void LogFailed(ILogger logger, TimeSpan interval, Exception error);
}
