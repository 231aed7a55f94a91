using Microsoft.Extensions.Logging;
using Npgsql;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Domain.Time;
using Sykefravaer.Hosting;
using Sykefravaer.Hosting.Telemetry;
using Sykefravaer.Persistence.Postgres.Retention;
using Sykefravaer.Testing.Diagnostics;

namespace Sykefravaer.Activities.Tests.Retention;

/// <summary>The worker's sweep on its schedule: counts in the log and never a person, and a database outage costs a
/// warning per interval but never stops the worker. Timers are hurried, so the first minute and the hours between
/// sweeps pass in milliseconds.</summary>
public sealed class RetentionServiceTests(PostgresServer server) : DatabaseTest(server)
{
    private static readonly RetentionSettings Enabled = new(true, TimeSpan.FromHours(6), 365, 4);

    private readonly CapturedLogs<RetentionService> logger = new();

    private readonly EngineMetrics metrics = new();

    [Fact]
    public async Task A_sweep_logs_what_it_deleted_in_counts_and_never_the_person()
    {
        var caseId = await WriteExpiredCaseAsync();
        using var recorded = new RecordedMeasurements(metrics.Meter);

        await RunUntilAsync(new CaseDataRetention(Database.DataSource), Enabled, () => logger.Count(LogLevel.Information) >= 1);

        Assert.Equal(0, await CountAsync("case_projection", caseId));
        Assert.Contains(
            "Retention sweep deleted 1 closed case(s) (1 task(s), 1 notice(s), 3 audit entries), 0 closed tilfelle(r) and 0 accepted event(s)",
            logger.Messages);
        Assert.DoesNotContain(logger.Messages, m => m.Contains(TestPerson.PersonRef, StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Messages, m => m.Contains(caseId.ToString(), StringComparison.OrdinalIgnoreCase));

        // The same counts on /metrics: sykefravaer_retention_deleted_total{what}.
        Assert.Equal(1, recorded.Sum("sykefravaer.retention.deleted", ("what", "case_projection")));
        Assert.Equal(3, recorded.Sum("sykefravaer.retention.deleted", ("what", "audit_trail")));
        Assert.Equal(0, recorded.Sum("sykefravaer.retention.deleted", ("what", "closed_tilfelle")));
    }

    [Fact]
    public async Task A_database_outage_is_a_warning_each_interval_and_the_sweeps_go_on()
    {
        // Nothing listens on port 1: every connection is refused at once.
        await using var unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=2");

        var service = await RunUntilAsync(new CaseDataRetention(unreachable), Enabled, () => logger.Count(LogLevel.Warning) >= 3);

        Assert.All(logger.Messages, m => Assert.StartsWith("Retention sweep failed; trying again in 06:00:00", m, StringComparison.Ordinal));
        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully); // stopped by the test, not by the failures
    }

    [Fact]
    public async Task A_disabled_sweep_deletes_nothing()
    {
        var caseId = await WriteExpiredCaseAsync();

        await RunUntilAsync(new CaseDataRetention(Database.DataSource), Enabled with { Enabled = false }, () => logger.Messages.Count >= 1);

        Assert.Equal(["Retention sweep disabled (Retention__Enabled=false)"], logger.Messages);
        Assert.Equal(1, await CountAsync("case_projection", caseId));
    }

    /// <summary>Starts the service, waits for <paramref name="done"/> (at most 30 s), then stops it.</summary>
    private async Task<RetentionService> RunUntilAsync(CaseDataRetention retention, RetentionSettings settings, Func<bool> done)
    {
        var service = new RetentionService(retention, settings, new HurriedTime(), metrics, logger);
        await service.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!done())
            {
                Assert.True(DateTime.UtcNow < deadline, "The service did not get there in 30 s: " + string.Join(" | ", logger.Messages));
                Assert.False(service.ExecuteTask!.IsFaulted, "The service stopped: " + service.ExecuteTask.Exception);
                await Task.Delay(20);
            }
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        return service;
    }

    /// <summary>A case closed 400 days ago (in real time: the service sweeps at the clock's now), with a notice and a task.</summary>
    private async Task<Guid> WriteExpiredCaseAsync()
    {
        var caseId = Guid.NewGuid();
        var projection = TestEffects.Projection(caseId, version: 1);
        var closed = NorwegianTime.DateOf(DateTimeOffset.UtcNow).AddDays(-400);
        await Activities.UpdateProjectionAsync(projection with { State = projection.State with { Closed = closed, Outcome = "FRISKMELDT" } });
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));
        await Activities.CreateTaskAsync(TestEffects.TaskCommand(caseId));
        return caseId;
    }

    /// <summary>Real time, except that every timer fires within milliseconds of being set.</summary>
    private sealed class HurriedTime : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            new HurriedTimer(System.CreateTimer(callback, state, Hurry(dueTime), Hurry(period)));

        private static TimeSpan Hurry(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : TimeSpan.FromMilliseconds(10);

        private sealed class HurriedTimer(ITimer timer) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(Hurry(dueTime), Hurry(period));

            public void Dispose() => timer.Dispose();

            public ValueTask DisposeAsync() => timer.DisposeAsync();
        }
    }
}
