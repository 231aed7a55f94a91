using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Hosting.Outbox;
using Sykefravaer.Hosting.Telemetry;
using Sykefravaer.Testing.Diagnostics;
using Sykefravaer.Testing.Http;

namespace Sykefravaer.Activities.Tests.Outbox;

/// <summary>The publisher as the worker hosts it (<see cref="OutboxServices.AddNoticeOutbox"/> with its
/// <c>Outbox__*</c> configuration): notices written while it runs reach the receiver, <c>Outbox__Enabled=false</c>
/// sends nothing, the Development default writes the file, and an outage is survived and logged without a person.</summary>
public sealed class OutboxPublisherServiceTests(PostgresServer server) : DatabaseTest(server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Guid caseId = Guid.NewGuid();
    private readonly CapturedLogProvider logs = new();
    private readonly EngineMetrics metrics = new();

    [Fact]
    public async Task Notices_written_while_the_worker_runs_reach_the_receiver_and_are_counted()
    {
        await using var receiver = await NoticeReceiver.StartAsync();
        using var recorded = new RecordedMeasurements(metrics.Meter);
        using var host = await StartHostAsync("Production", new()
        {
            ["Outbox:Http:Url"] = receiver.Url.ToString(),
            ["Outbox:Http:Token"] = "hosted-token",
        });

        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId, TestEffects.Notice("OPPFOLGINGSPLAN_FRIST")));
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId, TestEffects.Notice("AKTIVITETSKRAV_INFO")));

        var received = await receiver.UntilAsync(r => r.Count >= 2, Patience);
        await UntilAsync(async () => await CountAsync("SENT") == 2);
        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Equal("Bearer hosted-token", r.Authorization));
        Assert.Equal(1, recorded.Sum("sykefravaer.notices.delivered", ("code", "OPPFOLGINGSPLAN_FRIST")));
        Assert.Equal(1, recorded.Sum("sykefravaer.notices.delivered", ("code", "AKTIVITETSKRAV_INFO")));
        Assert.Contains("Notice publisher delivering through the Http channel, polling every 00:00:00.1000000", logs.Messages);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_receiver_that_keeps_refusing_leaves_the_notice_FAILED_counted_and_logged_without_the_person()
    {
        await using var receiver = await NoticeReceiver.StartAsync();
        receiver.Answer = (_, _) => Task.FromResult(503);
        using var recorded = new RecordedMeasurements(metrics.Meter);
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));
        using var host = await StartHostAsync("Production", new()
        {
            ["Outbox:Http:Url"] = receiver.Url.ToString(),
            ["Outbox:MaxAttempts"] = "2",
            ["Outbox:RetryDelay"] = "00:00:00.050",
        });

        await UntilAsync(async () => await CountAsync("FAILED") == 1);

        Assert.Equal(2, recorded.Sum("sykefravaer.notice_delivery.failures", ("code", "AKTIVITETSKRAV_INFO")));
        Assert.Equal(0, recorded.Sum("sykefravaer.notices.delivered"));
        Assert.Contains(logs.Messages, m => m.EndsWith(
            $"of case {caseId}: attempt 1 of 2 failed: receiver answered 503 (ServiceUnavailable)", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.Contains(
            $"(AKTIVITETSKRAV_INFO) of case {caseId} is FAILED after 2 attempts: receiver answered 503 (ServiceUnavailable)", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(TestPerson.PersonRef, StringComparison.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public async Task With_Outbox_Enabled_false_nothing_is_delivered_and_no_receiver_is_needed()
    {
        await using var receiver = await NoticeReceiver.StartAsync();
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));

        using var host = await StartHostAsync("Production", new() { ["Outbox:Enabled"] = "false" });

        // The service has ended: nothing in this process will deliver, however long it runs.
        var service = host.Services.GetServices<IHostedService>().OfType<OutboxPublisherService>().Single();
        await service.ExecuteTask!.WaitAsync(Patience);
        Assert.Empty(receiver.Received);
        Assert.Equal(1, await CountAsync("PENDING"));
        Assert.Contains("Notice publisher disabled (Outbox__Enabled=false)", logs.Messages);
        await host.StopAsync();
    }

    [Fact]
    public async Task In_Development_notices_go_to_a_file_in_the_data_folder_by_default()
    {
        var folder = TemporaryFolder.NewPath("outbox-data");
        try
        {
            await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));
            using var host = await StartHostAsync("Development", [], dataFolder: folder);

            await UntilAsync(async () => await CountAsync("SENT") == 1);

            var line = Assert.Single(await File.ReadAllLinesAsync(Path.Combine(folder, OutboxSettings.DefaultFileName)));
            Assert.Contains($"\"caseId\":\"{caseId}\"", line, StringComparison.Ordinal);
            await host.StopAsync();
        }
        finally
        {
            TemporaryFolder.Delete(folder);
        }
    }

    [Fact]
    public async Task A_database_outage_is_logged_by_error_type_and_the_publisher_keeps_trying()
    {
        // Nothing listens on port 1: every connection is refused at once.
        await using var unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=2");
        await using var receiver = await NoticeReceiver.StartAsync();
        using var host = await StartHostAsync("Production", new() { ["Outbox:Http:Url"] = receiver.Url.ToString() }, dataSource: unreachable);

        await UntilAsync(() => Task.FromResult(logs.Count(LogLevel.Warning) >= 3));

        var service = host.Services.GetServices<IHostedService>().OfType<OutboxPublisherService>().Single();
        Assert.False(service.ExecuteTask!.IsCompleted);
        var warnings = logs.Messages.Where(m => m.StartsWith("Notice publishing failed", StringComparison.Ordinal)).Take(3).ToList();
        Assert.Equal(
            [
                "Notice publishing failed (NpgsqlException <- SocketException); trying again in 00:00:00.2000000",
                "Notice publishing failed (NpgsqlException <- SocketException); trying again in 00:00:00.4000000",
                "Notice publishing failed (NpgsqlException <- SocketException); trying again in 00:00:00.8000000",
            ],
            warnings);
        await host.StopAsync();
        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
    }

    private async Task<IHost> StartHostAsync(
        string environment, Dictionary<string, string?> configuration, string? dataFolder = null, NpgsqlDataSource? dataSource = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        configuration.TryAdd("Outbox:PollInterval", "00:00:00.1");
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(dataSource ?? Database.DataSource);
        builder.Services.AddSingleton(metrics);
        builder.Services.AddNoticeOutbox(dataFolder ?? TemporaryFolder.NewPath("outbox-unused"));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private Task<long> CountAsync(string status) =>
        Database.ScalarAsync("SELECT count(*) FROM notice_outbox WHERE case_id = $1 AND status = $2", caseId, status);

    private async Task UntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "Not there within 30 s: " + string.Join(" | ", logs.Messages));
            await Task.Delay(20);
        }
    }
}
