using Sykefravaer.Testing;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Workflows.Tests.Infrastructure;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Milestones;

/// <summary>OPPFOLGINGSPLAN_FRIST (S + 28, aml § 4-6 (3)): the employer is reminded, with the employee informed,
/// unless the plan was shared with the sykmelder first.</summary>
public sealed class OppfolgingsplanFristTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    [TimeSkippingFact]
    public async Task OPPFOLGINGSPLAN_FRIST_fires_at_S_plus_28_with_a_notice_to_the_employer_and_the_employee()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(60)));

        await AdvanceToAsync(Days.SPlus(27));
        var before = await person.QueryAsync();
        Assert.Equal("PENDING", Milestone(before, OppfolgingsplanFrist).Result);
        Assert.Empty(NoticeKeys(Effects, before.CaseId));

        await AdvanceToAsync(Days.SPlus(28));
        var after = await person.QueryAsync();
        Fired(after, OppfolgingsplanFrist, Days.SPlus(28));
        Assert.Equal(
            [Key(after.CaseId, "milestone:OPPFOLGINGSPLAN_FRIST:Arbeidsgiver"), Key(after.CaseId, "milestone:OPPFOLGINGSPLAN_FRIST:Arbeidstaker")],
            NoticeKeys(Effects, after.CaseId));
        Assert.Empty(TaskKeys(Effects, after.CaseId));
        Result(after, NavOppfolgingUtenArbeidsgiver, "NOT_APPLICABLE");
        StoreMatchesTimeline(Effects, after);
    }

    [TimeSkippingFact]
    public async Task OPPFOLGINGSPLAN_FRIST_is_satisfied_by_oppfolgingsplanDelt_with_the_sykmelder_and_sends_nothing()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(60)));
        await DeliverAsync(person, OppfolgingsplanDelt("op-1", PlanMottaker.Sykmelder, Days.SPlus(20)));

        await AdvanceToAsync(Days.SPlus(29));
        var projection = await person.QueryAsync();
        Result(projection, OppfolgingsplanFrist, "SATISFIED");
        Assert.DoesNotContain(Effects.Notices, n => n.Notice.Code == OppfolgingsplanFrist);
    }

    [TimeSkippingFact]
    public async Task OPPFOLGINGSPLAN_FRIST_still_fires_when_the_plan_was_shared_with_NAV_only()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(60)));
        await DeliverAsync(person, OppfolgingsplanDelt("op-1", PlanMottaker.Nav, Days.SPlus(20)));

        await AdvanceToAsync(Days.SPlus(29));
        Fired(await person.QueryAsync(), OppfolgingsplanFrist, Days.SPlus(28));
    }
}
