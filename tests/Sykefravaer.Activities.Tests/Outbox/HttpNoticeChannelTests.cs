using System.Text.Json;
using Npgsql;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Persistence.Outbox;
using Sykefravaer.Testing;
using Sykefravaer.Testing.Http;

namespace Sykefravaer.Activities.Tests.Outbox;

/// <summary>The publisher over the HTTP channel against a real receiver on loopback: what it is sent, and what a
/// refusing, slow or unreachable receiver, or a publisher dying before its commit, leaves in the outbox.</summary>
public sealed class HttpNoticeChannelTests(PostgresServer server) : DatabaseTest(server), IAsyncLifetime
{
    private readonly Guid caseId = Guid.NewGuid();
    private NoticeReceiver? receiver;

    private NoticeReceiver Receiver => receiver ?? throw new InvalidOperationException("Not started.");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        receiver = await NoticeReceiver.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (receiver is not null)
        {
            await receiver.DisposeAsync();
        }

        await DisposeAsync();
    }

    [Fact]
    public async Task Notices_are_posted_in_id_order_as_json_with_their_idempotency_key_and_the_token()
    {
        string[] codes = ["OPPFOLGINGSPLAN_FRIST", "AKTIVITETSKRAV_INFO", "MOTEBEHOV_SPORSMAL"];
        foreach (var code in codes)
        {
            await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId, TestEffects.Notice(code)));
        }

        Assert.Equal(3, await Publisher().PublishBatchAsync(NoticeChannels.Http(Receiver.Url).DeliverAsync));

        var keys = await Database.ColumnAsync("SELECT idempotency_key FROM notice_outbox WHERE case_id = $1 ORDER BY id", caseId);
        Assert.Equal(keys, Receiver.Received.Select(r => r.IdempotencyKey));
        Assert.All(Receiver.Received, r => Assert.Equal("Bearer " + NoticeChannels.Token, r.Authorization));
        Assert.All(Receiver.Received, r => Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal));
        var first = Receiver.Received[0].Json;
        Assert.Equal(keys[0], first.GetProperty("idempotencyKey").GetString());
        Assert.Equal(caseId, first.GetProperty("caseId").GetGuid());
        Assert.Equal(TestPerson.PersonRef, first.GetProperty("personRef").GetString());
        Assert.Equal("OPPFOLGINGSPLAN_FRIST", first.GetProperty("code").GetString());
        Assert.Equal("ARBEIDSTAKER", first.GetProperty("recipient").GetString());
        Assert.Equal(JsonValueKind.Object, first.GetProperty("payload").ValueKind);
        Assert.Equal("2024-02-12", first.GetProperty("payload").GetProperty("decidedOn").GetString());
        Assert.False(first.GetProperty("payload").TryGetProperty("svarfrist", out _)); // absent fields are left out
        Assert.InRange(first.GetProperty("createdAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow);
        Assert.DoesNotContain(Receiver.Received, r => r.Body.Contains(TestPerson.Fnr.Value, StringComparison.Ordinal));
        Assert.Equal(3, await Database.ScalarAsync("SELECT count(*) FROM notice_outbox WHERE status = 'SENT' AND attempts = 1"));
    }

    [Fact]
    public async Task Without_a_token_no_authorization_header_is_sent()
    {
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));

        await Publisher().PublishBatchAsync(NoticeChannels.Http(Receiver.Url, token: null).DeliverAsync);

        Assert.Null(Assert.Single(Receiver.Received).Authorization);
    }

    [Theory]
    [InlineData(500, "receiver answered 500 (InternalServerError)")]
    [InlineData(400, "receiver answered 400 (BadRequest)")]
    public async Task A_refusing_receiver_costs_an_attempt_each_time_and_the_notice_is_FAILED_after_the_last(int status, string error)
    {
        Receiver.Answer = (_, _) => Task.FromResult(status);
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));
        var publisher = Publisher(maxAttempts: 3);
        var channel = NoticeChannels.Http(Receiver.Url);

        await publisher.PublishBatchAsync(channel.DeliverAsync);
        Assert.Equal($"PENDING 1 {error}", await StatusAsync());
        await publisher.PublishBatchAsync(channel.DeliverAsync);
        Assert.Equal($"PENDING 2 {error}", await StatusAsync());
        await publisher.PublishBatchAsync(channel.DeliverAsync);
        Assert.Equal($"FAILED 3 {error}", await StatusAsync());

        Assert.Equal(0, await publisher.PublishBatchAsync(channel.DeliverAsync));
        var key = await KeyAsync();
        Assert.Equal([key, key, key], Receiver.Received.Select(r => r.IdempotencyKey));
        var lastError = await Database.TextAsync("SELECT last_error FROM notice_outbox WHERE case_id = $1", caseId);
        Assert.DoesNotContain(TestPerson.PersonRef, lastError, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPerson.Fnr.Value, lastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receiver_slower_than_the_timeout_costs_an_attempt_and_the_notice_goes_when_it_answers_in_time()
    {
        // The first request is answered only after the channel has given up; the second at once.
        Receiver.Answer = async (number, aborted) =>
        {
            if (number == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), aborted);
            }

            return 202;
        };
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));
        var publisher = Publisher();
        var channel = NoticeChannels.Http(Receiver.Url, timeout: TimeSpan.FromSeconds(2));

        await publisher.PublishBatchAsync(channel.DeliverAsync);
        Assert.Equal("PENDING 1 receiver timed out (no answer within 00:00:02)", await StatusAsync());

        await publisher.PublishBatchAsync(channel.DeliverAsync);
        Assert.Equal("SENT 2", await StatusAsync());
        var received = await Receiver.UntilAsync(r => r.Count == 2, TimeSpan.FromSeconds(30));
        var key = await KeyAsync();
        Assert.Equal([key, key], received.Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task A_receiver_that_refuses_the_connection_costs_an_attempt()
    {
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));
        var nobody = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}/notices");

        await Publisher().PublishBatchAsync(NoticeChannels.Http(nobody).DeliverAsync);

        Assert.Equal("PENDING 1 receiver refused the connection", await StatusAsync());
    }

    [Fact]
    public async Task A_publisher_stopped_after_the_receiver_accepted_but_before_its_commit_delivers_the_notice_again_with_the_same_key()
    {
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));
        var channel = NoticeChannels.Http(Receiver.Url);
        using var shutdown = new CancellationTokenSource();

        // The host stops (SIGTERM) the moment the receiver has answered, before the batch is marked.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Publisher().PublishBatchAsync(
            async (notice, cancellation) =>
            {
                await channel.DeliverAsync(notice, cancellation);
                await shutdown.CancelAsync();
                cancellation.ThrowIfCancellationRequested();
            },
            shutdown.Token));
        Assert.Equal("PENDING 0", await StatusAsync());

        await Publisher().PublishBatchAsync(channel.DeliverAsync);

        Assert.Equal("SENT 1", await StatusAsync());
        var key = await KeyAsync();
        Assert.Equal([key, key], Receiver.Received.Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task A_publisher_whose_database_connection_drops_before_its_commit_delivers_the_notice_again_with_the_same_key()
    {
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));
        var channel = NoticeChannels.Http(Receiver.Url);
        const string application = "outbox-publisher-under-test";
        await using var publisherDatabase = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(Database.ConnectionString) { ApplicationName = application, Pooling = false }.ConnectionString);
        var publisher = new OutboxPublisher(publisherDatabase, new OutboxPublisherOptions { RetryDelay = TimeSpan.Zero });

        // The publisher's session is killed (a failover, a network cut) once the receiver has the notice.
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => publisher.PublishBatchAsync(async (notice, cancellation) =>
        {
            await channel.DeliverAsync(notice, cancellation);
            Assert.Equal(1, await Database.ScalarAsync(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1", application));
        }));
        Assert.Equal("PENDING 0", await StatusAsync());

        await publisher.PublishBatchAsync(channel.DeliverAsync);

        Assert.Equal("SENT 1", await StatusAsync());
        var key = await KeyAsync();
        Assert.Equal([key, key], Receiver.Received.Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task Two_publishers_side_by_side_deliver_every_notice_exactly_once()
    {
        for (var i = 0; i < 40; i++)
        {
            await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId, TestEffects.Notice(key: $"n{i}")));
        }

        Receiver.Answer = async (_, aborted) =>
        {
            await Task.Delay(5, aborted);
            return 202;
        };
        async Task DrainAsync()
        {
            var publisher = new OutboxPublisher(Database.DataSource, new OutboxPublisherOptions { BatchSize = 3, RetryDelay = TimeSpan.Zero });
            var channel = NoticeChannels.Http(Receiver.Url);
            while (await publisher.PublishBatchAsync(channel.DeliverAsync) > 0)
            {
            }
        }

        await Task.WhenAll(Task.Run(DrainAsync), Task.Run(DrainAsync));

        var written = await Database.ColumnAsync("SELECT idempotency_key FROM notice_outbox WHERE case_id = $1 ORDER BY idempotency_key COLLATE \"C\"", caseId);
        Assert.Equal(40, written.Count);
        Assert.Equal(written, Receiver.Received.Select(r => r.IdempotencyKey).Order(StringComparer.Ordinal));
        Assert.Equal(40, await Database.ScalarAsync("SELECT count(*) FROM notice_outbox WHERE status = 'SENT' AND attempts = 1"));
    }

    private OutboxPublisher Publisher(int maxAttempts = 10) =>
        new(Database.DataSource, new OutboxPublisherOptions { RetryDelay = TimeSpan.Zero, MaxAttempts = maxAttempts });

    private async Task<string> KeyAsync() =>
        await Database.TextAsync("SELECT idempotency_key FROM notice_outbox WHERE case_id = $1", caseId) ?? throw new InvalidOperationException("No notice.");

    private Task<string?> StatusAsync() =>
        Database.TextAsync("SELECT concat_ws(' ', status, attempts, last_error) FROM notice_outbox WHERE case_id = $1", caseId);
}
