using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Activities.Tests.Activities;

public sealed class SendNoticeTests(PostgresServer server) : DatabaseTest(server)
{
    private readonly Guid caseId = Guid.NewGuid();

    [Fact]
    public async Task A_notice_is_queued_pending_in_the_outbox_with_its_audit_entry()
    {
        var receipt = await InActivity.RunAsync(() => Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId)));

        Assert.Equal($"{caseId}/AKTIVITETSKRAV_INFO/Arbeidstaker", receipt.IdempotencyKey);
        Assert.Equal(
            "AKTIVITETSKRAV_INFO ARBEIDSTAKER PENDING 0 2024-02-12",
            await Database.TextAsync(
                "SELECT concat_ws(' ', code, recipient, status, attempts, payload->>'decidedOn') FROM notice_outbox WHERE id = $1", receipt.Id));
        Assert.Equal(
            "NOTICE AKTIVITETSKRAV_INFO: S + 42, still sick",
            await Database.TextAsync("SELECT concat_ws(' ', action, cause) FROM audit_trail WHERE idempotency_key = $1", receipt.IdempotencyKey));
    }

    [Fact]
    public async Task The_same_notice_twice_is_written_once_and_answers_the_same()
    {
        var first = await InActivity.RunAsync(() => Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId)));
        var second = await InActivity.RunAsync(() => Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId)));

        Assert.Equal(first, second);
        Assert.Equal(1, await CountAsync("notice_outbox", caseId));
        Assert.Equal(1, await CountAsync("audit_trail", caseId));
    }

    [Fact]
    public async Task Concurrent_duplicates_write_once_and_all_answer_the_same()
    {
        var receipts = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId)))));

        Assert.Single(receipts.Distinct());
        Assert.Equal(1, await CountAsync("notice_outbox", caseId));
    }

    [Fact]
    public async Task Notices_of_the_same_milestone_to_different_recipients_are_different_notices()
    {
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId, TestEffects.Notice(to: Recipient.Arbeidstaker)));
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId, TestEffects.Notice(to: Recipient.Arbeidsgiver)));

        Assert.Equal(2, await CountAsync("notice_outbox", caseId));
    }

    [Fact]
    public async Task A_key_reused_for_a_different_notice_is_refused_and_the_first_stays()
    {
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId, TestEffects.Notice(key: "k")));

        await Retryability.AssertNonRetryableAsync(() =>
            Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId, TestEffects.Notice("SNART_SLUTT_SYKEPENGER", key: "k"))));

        Assert.Equal("AKTIVITETSKRAV_INFO", await Database.TextAsync("SELECT string_agg(code, ',') FROM notice_outbox WHERE case_id = $1", caseId));
    }
}
