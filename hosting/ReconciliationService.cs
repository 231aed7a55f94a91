using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sykefravaer.Hosting.Telemetry;
using Sykefravaer.Persistence.Postgres.Reconciliation;
using Temporalio.Client;

namespace Sykefravaer.Hosting;

/// <summary>
/// Runs <see cref="CaseReconciliation"/> with the worker: shortly after start (a restart is when workflows go
/// missing), then every <see cref="ReconciliationSettings.Interval"/>. A failed sweep is logged and tried again at the
/// next interval; it never stops the worker.
/// </summary>
public sealed partial class ReconciliationService(
    CaseAttention attention,
    ReconciliationSettings settings,
    TimeProvider time,
    EngineMetrics metrics,
    ITemporalClient client,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger logger = loggers.CreateLogger<ReconciliationService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        try
        {
            await Task.Delay(settings.FirstSweepDelay, time, stoppingToken).ConfigureAwait(false);
            var reconciliation = new CaseReconciliation(attention, client, loggers.CreateLogger<CaseReconciliation>());
            using var timer = new PeriodicTimer(settings.Interval, time);
            do
            {
                await SweepAsync(reconciliation, stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task SweepAsync(CaseReconciliation reconciliation, CancellationToken stoppingToken)
    {
        try
        {
            var (checkedCases, marked) = await reconciliation.SweepAsync(stoppingToken).ConfigureAwait(false);
            metrics.ReconciliationMarked(marked);
            LogSwept(logger, checkedCases, marked);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, settings.Interval, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation sweep disabled (Reconciliation__Enabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation sweep checked {Checked} open case(s) and marked {Marked} for the operators")]
    private static partial void LogSwept(ILogger logger, int @checked, int marked);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation sweep failed; trying again in {Interval}")]
    private static partial void LogFailed(ILogger logger, TimeSpan interval, Exception error);
}

/// <summary>The worker's reconciliation sweep, from configuration (<c>Reconciliation__Enabled</c>,
/// <c>Reconciliation__Interval</c>, <c>Reconciliation__FirstSweepDelay</c>).</summary>
public sealed record ReconciliationSettings(bool Enabled, TimeSpan Interval, TimeSpan FirstSweepDelay)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(30);

    /// <summary>Long enough for the worker to have picked up the cases a restart left with it.</summary>
    public static readonly TimeSpan DefaultFirstSweepDelay = TimeSpan.FromMinutes(2);

    public static ReconciliationSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(
            ConfigurationValues.Flag(configuration, "Reconciliation:Enabled", fallback: true),
            ConfigurationValues.PositiveSpan(configuration, "Reconciliation:Interval", DefaultInterval),
            ConfigurationValues.PositiveSpan(configuration, "Reconciliation:FirstSweepDelay", DefaultFirstSweepDelay));
    }
}
