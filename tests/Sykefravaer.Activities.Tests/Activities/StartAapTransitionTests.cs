using Sykefravaer.Activities.Tests.Infrastructure;

namespace Sykefravaer.Activities.Tests.Activities;

public sealed class StartAapTransitionTests(PostgresServer server) : DatabaseTest(server)
{
    private readonly Guid caseId = Guid.NewGuid();

    [Fact]
    public async Task The_transition_queues_the_information_notice_and_opens_the_task_due_at_maksdato()
    {
        var receipt = await InActivity.RunAsync(() => Activities.StartAapTransitionAsync(TestEffects.AapTransition(caseId)));

        Assert.Equal(
            "MAKSDATO ARBEIDSTAKER 2024-12-27",
            await Database.TextAsync("SELECT concat_ws(' ', code, recipient, payload->>'maksdato') FROM notice_outbox WHERE id = $1", receipt.Notice.Id));
        Assert.Equal(
            "AAP_ARBEIDSEVNEVURDERING OPEN 2024-12-27",
            await Database.TextAsync("SELECT concat_ws(' ', code, status, due_date) FROM veileder_task WHERE id = $1", receipt.Task.Id));
        Assert.Equal(
            "NOTICE,TASK",
            await Database.TextAsync("SELECT string_agg(action, ',' ORDER BY action) FROM audit_trail WHERE case_id = $1", caseId));
    }

    [Fact]
    public async Task The_same_transition_twice_is_written_once_and_answers_the_same()
    {
        var first = await InActivity.RunAsync(() => Activities.StartAapTransitionAsync(TestEffects.AapTransition(caseId)));
        var second = await InActivity.RunAsync(() => Activities.StartAapTransitionAsync(TestEffects.AapTransition(caseId)));

        Assert.Equal(first, second);
        Assert.Equal(1, await CountAsync("notice_outbox", caseId));
        Assert.Equal(1, await CountAsync("veileder_task", caseId));
        Assert.Equal(2, await CountAsync("audit_trail", caseId));
    }

    [Fact]
    public async Task When_the_task_cannot_be_written_the_notice_is_not_written_either()
    {
        // The task's key is taken by a different task, so the transition fails after its notice was inserted.
        var taken = TestEffects.Task("SOMETHING_ELSE", key: "MAKSDATO/VEILEDER");
        await Activities.CreateTaskAsync(TestEffects.TaskCommand(caseId, taken));

        await Retryability.AssertNonRetryableAsync(() => Activities.StartAapTransitionAsync(TestEffects.AapTransition(caseId)));

        Assert.Equal(0, await CountAsync("notice_outbox", caseId));
        Assert.Equal(1, await CountAsync("audit_trail", caseId));
    }
}
