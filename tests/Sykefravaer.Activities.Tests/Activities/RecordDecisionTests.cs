using Sykefravaer.Activities.Tests.Infrastructure;

namespace Sykefravaer.Activities.Tests.Activities;

public sealed class RecordDecisionTests(PostgresServer server) : DatabaseTest(server)
{
    private readonly Guid caseId = Guid.NewGuid();

    [Fact]
    public async Task An_exemption_is_recorded_with_its_reason_and_who_decided()
    {
        var receipt = await InActivity.RunAsync(() => Activities.RecordDecisionAsync(TestEffects.Decision(caseId)));

        Assert.Equal(
            "DECISION DIALOGMOTE2_UNNTAK 2024-02-12 Z990001 åpenbart unødvendig: arbeidstaker er i full jobb",
            await Database.TextAsync("SELECT concat_ws(' ', action, code, decided_on, decided_by, cause) FROM audit_trail WHERE id = $1", receipt.Id));
    }

    [Fact]
    public async Task The_same_decision_twice_is_recorded_once_and_answers_the_same()
    {
        var first = await InActivity.RunAsync(() => Activities.RecordDecisionAsync(TestEffects.Decision(caseId)));
        var second = await InActivity.RunAsync(() => Activities.RecordDecisionAsync(TestEffects.Decision(caseId)));

        Assert.Equal(first, second);
        Assert.Equal(1, await CountAsync("audit_trail", caseId));
    }
}
