using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sykefravaer.Hosting.Telemetry;
using Sykefravaer.Persistence.Postgres.Retention;

namespace Sykefravaer.Hosting;

/// <summary>
/// Deletes case data the sykepenger year no longer needs (<see cref="CaseDataRetention"/>): a sweep shortly after
/// start, then one every <see cref="RetentionSettings.Interval"/>. A failed sweep (a database outage) is logged and
/// tried again at the next interval; it never stops the worker. Log lines carry counts only.
/// </summary>
public sealed partial class RetentionService(
    CaseDataRetention retention, RetentionSettings settings, TimeProvider time, EngineMetrics metrics, ILogger<RetentionService> logger)
    : BackgroundService
{
    /// <summary>Long enough for the worker to be polling before the sweep's queries compete with its first cases.</summary>
    public static readonly TimeSpan FirstSweepDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        try
        {
            await Task.Delay(FirstSweepDelay, time, stoppingToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(settings.Interval, time);
            do
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; a batch cut short was rolled back whole.
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            var result = await retention.SweepAsync(settings.Policy, time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            if (result.Skipped)
            {
                LogSkipped(logger);
                return;
            }

            metrics.RetentionDeleted("case_projection", result.CaseProjections);
            metrics.RetentionDeleted("veileder_task", result.VeilederTasks);
            metrics.RetentionDeleted("notice_outbox", result.Notices);
            metrics.RetentionDeleted("audit_trail", result.AuditEntries);
            metrics.RetentionDeleted("closed_tilfelle", result.ClosedTilfeller);
            metrics.RetentionDeleted("accepted_event", result.AcceptedEvents);
            LogSwept(
                logger, result.CaseProjections, result.VeilederTasks, result.Notices, result.AuditEntries, result.ClosedTilfeller,
                result.AcceptedEvents);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // Whatever failed, the next interval tries again: nothing is half deleted (each batch is one transaction).
            LogFailed(logger, settings.Interval, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep disabled (Retention__Enabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep skipped: another process is sweeping")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Retention sweep deleted {Cases} closed case(s) ({Tasks} task(s), {Notices} notice(s), {AuditEntries} audit entries), "
            + "{Tilfeller} closed tilfelle(r) and {AcceptedEvents} accepted event(s)")]
    private static partial void LogSwept(
        ILogger logger, long cases, long tasks, long notices, long auditEntries, long tilfeller, long acceptedEvents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep failed; trying again in {Interval}")]
    private static partial void LogFailed(ILogger logger, TimeSpan interval, Exception error);
}
