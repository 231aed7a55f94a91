using Sykefravaer.Activities.Tests.Infrastructure;

namespace Sykefravaer.Activities.Tests.Activities;

public sealed class SendForhandsvarselTests(PostgresServer server) : DatabaseTest(server)
{
    private readonly Guid caseId = Guid.NewGuid();

    [Fact]
    public async Task The_forhandsvarsel_is_a_notice_to_the_sykmeldt_carrying_its_svarfrist()
    {
        var receipt = await InActivity.RunAsync(() => Activities.SendForhandsvarselAsync(TestEffects.Forhandsvarsel(caseId)));

        Assert.Equal(
            "FORHANDSVARSEL ARBEIDSTAKER PENDING 2024-03-04",
            await Database.TextAsync(
                "SELECT concat_ws(' ', code, recipient, status, payload->>'svarfrist') FROM notice_outbox WHERE id = $1", receipt.Id));
        Assert.Equal(
            "2024-03-04",
            await Database.TextAsync("SELECT details->>'svarfrist' FROM audit_trail WHERE idempotency_key = $1", receipt.IdempotencyKey));
    }

    [Fact]
    public async Task The_same_forhandsvarsel_twice_is_sent_once_and_answers_the_same()
    {
        var first = await InActivity.RunAsync(() => Activities.SendForhandsvarselAsync(TestEffects.Forhandsvarsel(caseId)));
        var second = await InActivity.RunAsync(() => Activities.SendForhandsvarselAsync(TestEffects.Forhandsvarsel(caseId)));

        Assert.Equal(first, second);
        Assert.Equal(1, await CountAsync("notice_outbox", caseId));
    }

    [Fact]
    public async Task A_svarfrist_not_after_the_notice_date_is_bad_data()
    {
        var command = TestEffects.Forhandsvarsel(caseId) with { Svarfrist = TestEffects.Day };

        await Retryability.AssertNonRetryableAsync(() => Activities.SendForhandsvarselAsync(command));

        Assert.Equal(0, await CountAsync("notice_outbox", caseId));
    }
}
