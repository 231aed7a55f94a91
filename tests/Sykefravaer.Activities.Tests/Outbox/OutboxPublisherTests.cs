using System.Collections.Concurrent;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Persistence.Outbox;

namespace Sykefravaer.Activities.Tests.Outbox;

/// <summary>The publisher's side of the contract in activities/OUTBOX.md.</summary>
public sealed class OutboxPublisherTests(PostgresServer server) : DatabaseTest(server)
{
    private readonly Guid caseId = Guid.NewGuid();

    [Fact]
    public async Task Pending_notices_are_delivered_in_the_order_written_and_marked_sent()
    {
        var codes = new[] { "OPPFOLGINGSPLAN_FRIST", "AKTIVITETSKRAV_INFO", "MOTEBEHOV_SPORSMAL" };
        foreach (var code in codes)
        {
            await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId, TestEffects.Notice(code)));
        }

        var delivered = new List<OutboxNotice>();
        await Publisher().PublishBatchAsync((notice, _) => Record(delivered, notice));

        Assert.Equal(codes, delivered.Select(n => n.Code));
        Assert.All(delivered, n => Assert.Equal(TestPerson.PersonRef, n.PersonRef));
        Assert.Equal(3, await Database.ScalarAsync("SELECT count(*) FROM notice_outbox WHERE status = 'SENT' AND sent_at IS NOT NULL AND attempts = 1"));
    }

    [Fact]
    public async Task A_sent_notice_is_not_delivered_again()
    {
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));
        await Publisher().PublishBatchAsync((_, _) => Task.CompletedTask);

        var again = await Publisher().PublishBatchAsync((_, _) => throw new InvalidOperationException("must not be called"));

        Assert.Equal(0, again);
    }

    [Fact]
    public async Task A_failing_notice_is_retried_then_marked_failed_after_the_last_attempt()
    {
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));
        var publisher = Publisher(maxAttempts: 2);

        await publisher.PublishBatchAsync((_, _) => throw new NoticeDeliveryException("channel answered 503"));
        Assert.Equal("PENDING 1 channel answered 503", await StatusAsync());

        await publisher.PublishBatchAsync((_, _) => throw new HttpRequestException("no route to the recipient's device"));
        Assert.Equal("FAILED 2 System.Net.Http.HttpRequestException", await StatusAsync());

        Assert.Equal(0, await publisher.PublishBatchAsync((_, _) => Task.CompletedTask));
    }

    [Fact]
    public async Task A_failed_attempt_waits_for_the_retry_delay()
    {
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));
        var publisher = new OutboxPublisher(Database.DataSource, new OutboxPublisherOptions { RetryDelay = TimeSpan.FromHours(1) });

        await publisher.PublishBatchAsync((_, _) => throw new NoticeDeliveryException("down"));

        Assert.Equal(0, await publisher.PublishBatchAsync((_, _) => Task.CompletedTask));
    }

    [Fact]
    public async Task Each_failure_in_a_row_doubles_the_wait_before_the_next_attempt()
    {
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));
        var publisher = new OutboxPublisher(Database.DataSource, new OutboxPublisherOptions { RetryDelay = TimeSpan.FromHours(1) });
        await publisher.PublishBatchAsync((_, _) => throw new NoticeDeliveryException("down"));
        await AttemptedAgoAsync(TimeSpan.FromMinutes(61));
        await publisher.PublishBatchAsync((_, _) => throw new NoticeDeliveryException("down"));

        // Two failures: two hours, not one.
        await AttemptedAgoAsync(TimeSpan.FromMinutes(90));
        Assert.Equal(0, await publisher.PublishBatchAsync((_, _) => Task.CompletedTask));
        await AttemptedAgoAsync(TimeSpan.FromMinutes(121));
        Assert.Equal(1, await publisher.PublishBatchAsync((_, _) => Task.CompletedTask));
        Assert.Equal("SENT 3", await StatusAsync());
    }

    [Fact]
    public async Task Concurrent_publishers_never_deliver_the_same_notice_twice()
    {
        for (var i = 0; i < 30; i++)
        {
            await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId, TestEffects.Notice(key: $"n{i}")));
        }

        var delivered = new ConcurrentBag<string>();
        async Task DeliverAllAsync()
        {
            var publisher = new OutboxPublisher(Database.DataSource, new OutboxPublisherOptions { BatchSize = 4 });
            while (await publisher.PublishBatchAsync(async (notice, _) =>
            {
                delivered.Add(notice.IdempotencyKey);
                await Task.Delay(5);
            }) > 0)
            {
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(DeliverAllAsync)));

        Assert.Equal(30, delivered.Count);
        Assert.Equal(30, delivered.Distinct().Count());
    }

    private static Task Record(List<OutboxNotice> delivered, OutboxNotice notice)
    {
        delivered.Add(notice);
        return Task.CompletedTask;
    }

    private Task AttemptedAgoAsync(TimeSpan ago) =>
        Database.ScalarAsync("UPDATE notice_outbox SET last_attempt_at = now() - $2 WHERE case_id = $1", caseId, ago);

    private OutboxPublisher Publisher(int maxAttempts = 10) =>
        new(Database.DataSource, new OutboxPublisherOptions { RetryDelay = TimeSpan.Zero, MaxAttempts = maxAttempts });

    private Task<string?> StatusAsync() =>
        Database.TextAsync("SELECT concat_ws(' ', status, attempts, last_error) FROM notice_outbox WHERE case_id = $1", caseId);
}
