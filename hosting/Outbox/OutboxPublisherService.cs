using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sykefravaer.Hosting.Telemetry;
using Sykefravaer.Persistence.Outbox;

namespace Sykefravaer.Hosting.Outbox;

/// <summary>
/// Delivers the outbox with the worker: publishes batches (<see cref="OutboxPublisher"/>) until one finds nothing
/// due, then waits <see cref="OutboxSettings.PollInterval"/>. A batch that fails as a whole (PostgreSQL out of
/// reach) is rolled back, logged by its exception types only, and tried again after a wait that doubles with each
/// failure in a row; it never stops the worker. On shutdown a batch cut short is rolled back, so its notices stay
/// PENDING and go again, with the same idempotency keys.
/// </summary>
public sealed partial class OutboxPublisherService(
    OutboxPublisher publisher, INoticeChannel channel, OutboxSettings settings, TimeProvider time, EngineMetrics metrics, ILogger<OutboxPublisherService> logger)
    : BackgroundService
{
    /// <summary>The longest wait after failures in a row: a database back up is noticed within this.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        LogStarted(logger, settings.Channel, settings.PollInterval);
        var failuresInARow = 0;
        try
        {
            while (true)
            {
                var wait = settings.PollInterval;
                try
                {
                    while (await publisher.PublishBatchAsync(DeliverAsync, stoppingToken).ConfigureAwait(false) > 0)
                    {
                    }

                    failuresInARow = 0;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    failuresInARow++;
                    wait = Backoff(settings.PollInterval, failuresInARow);
                    LogBatchFailed(logger, wait, Describe(e));
                }

                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; the batch in flight was rolled back whole.
        }
    }

    /// <summary>PollInterval × 2^failures, at most <see cref="MaxBackoff"/> (or PollInterval, if that is longer).</summary>
    public static TimeSpan Backoff(TimeSpan pollInterval, int failuresInARow)
    {
        var doubled = pollInterval * Math.Pow(2, Math.Min(failuresInARow, 16));
        return doubled < MaxBackoff ? doubled : pollInterval > MaxBackoff ? pollInterval : MaxBackoff;
    }

    private async Task DeliverAsync(OutboxNotice notice, CancellationToken cancellationToken)
    {
        try
        {
            await channel.DeliverAsync(notice, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the host stopping: a channel's own timeout. A failed attempt, counted, not a rolled-back batch.
            Failed(notice, "delivery was cancelled (timed out)");
            throw new NoticeDeliveryException("delivery was cancelled (timed out)", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(notice, e is NoticeDeliveryException ? e.Message : e.GetType().FullName ?? "unknown");
            throw;
        }

        metrics.NoticeDelivered(notice.Code);
    }

    private void Failed(OutboxNotice notice, string reason)
    {
        metrics.NoticeDeliveryFailed(notice.Code);
        var attempt = notice.Attempts + 1;
        if (attempt >= settings.Publisher.MaxAttempts)
        {
            LogFailedForGood(logger, notice.Id, notice.Code, notice.CaseId, attempt, reason);
        }
        else
        {
            LogAttemptFailed(logger, notice.Id, notice.Code, notice.CaseId, attempt, settings.Publisher.MaxAttempts, reason);
        }
    }

    // Exception types only: a database error's message can quote a row.
    private static string Describe(Exception e)
    {
        var types = new List<string>();
        for (var inner = e; inner is not null && types.Count < 4; inner = inner.InnerException)
        {
            types.Add(inner.GetType().Name);
        }

        return string.Join(" <- ", types);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice publisher disabled (Outbox__Enabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice publisher delivering through the {Channel} channel, polling every {PollInterval}")]
    private static partial void LogStarted(ILogger logger, NoticeChannelKind channel, TimeSpan pollInterval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice publishing failed ({Error}); trying again in {Wait}")]
    private static partial void LogBatchFailed(ILogger logger, TimeSpan wait, string error);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Notice {NoticeId} ({Code}) of case {CaseId}: attempt {Attempt} of {MaxAttempts} failed: {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, long noticeId, string code, Guid caseId, int attempt, int maxAttempts, string reason);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Notice {NoticeId} ({Code}) of case {CaseId} is FAILED after {Attempts} attempts: {Reason}; nothing retries it until an operator re-queues it")]
    private static partial void LogFailedForGood(ILogger logger, long noticeId, string code, Guid caseId, int attempts, string reason);
}
