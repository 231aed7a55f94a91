using Sykefravaer.Activities.Tests.Infrastructure;

namespace Sykefravaer.Activities.Tests.Activities;

public sealed class CreateTaskTests(PostgresServer server) : DatabaseTest(server)
{
    private readonly Guid caseId = Guid.NewGuid();

    [Fact]
    public async Task A_task_is_opened_on_the_work_list_with_its_dates_and_audit_entry()
    {
        var effect = TestEffects.Task("DIALOGMOTE2_KANDIDAT", notBefore: TestEffects.Day.AddDays(7));
        var command = TestEffects.TaskCommand(caseId, effect, due: TestEffects.Day.AddDays(63));

        var receipt = await InActivity.RunAsync(() => Activities.CreateTaskAsync(command));

        Assert.Equal(
            $"DIALOGMOTE2_KANDIDAT OPEN 2024-02-12 2024-02-19 2024-04-15 {TestPerson.PersonRef}",
            await Database.TextAsync(
                "SELECT concat_ws(' ', code, status, decided_on, not_before, due_date, person_ref) FROM veileder_task WHERE id = $1", receipt.Id));
        Assert.Equal(
            "TASK 2024-02-19",
            await Database.TextAsync("SELECT concat_ws(' ', action, details->>'notBefore') FROM audit_trail WHERE idempotency_key = $1", receipt.IdempotencyKey));
    }

    [Fact]
    public async Task The_same_task_twice_is_written_once_and_answers_the_same()
    {
        var first = await InActivity.RunAsync(() => Activities.CreateTaskAsync(TestEffects.TaskCommand(caseId)));
        var second = await InActivity.RunAsync(() => Activities.CreateTaskAsync(TestEffects.TaskCommand(caseId)));

        Assert.Equal(first, second);
        Assert.Equal(1, await CountAsync("veileder_task", caseId));
        Assert.Equal(1, await CountAsync("audit_trail", caseId));
    }

    [Fact]
    public async Task The_same_effect_key_in_another_case_is_another_task()
    {
        await Activities.CreateTaskAsync(TestEffects.TaskCommand(caseId));
        await Activities.CreateTaskAsync(TestEffects.TaskCommand(Guid.NewGuid()));

        Assert.Equal(2, await Database.ScalarAsync("SELECT count(*) FROM veileder_task"));
    }
}
