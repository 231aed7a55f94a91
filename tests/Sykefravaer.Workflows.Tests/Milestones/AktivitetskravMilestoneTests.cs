using Sykefravaer.Testing;
using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Workflows.Tests.Infrastructure;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Milestones;

/// <summary>AKTIVITETSKRAV_INFO (S + 42) and AKTIVITETSKRAV_VURDERING (S + 55, ftrl § 8-8).</summary>
public sealed class AktivitetskravMilestoneTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    [TimeSkippingFact]
    public async Task AKTIVITETSKRAV_INFO_notifies_the_employee_and_the_employer_at_S_plus_42()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(50)));

        await AdvanceToAsync(Days.SPlus(42));
        var projection = await person.QueryAsync();
        Fired(projection, AktivitetskravInfo, Days.SPlus(42));
        Assert.Equal(
            [Key(projection.CaseId, "milestone:AKTIVITETSKRAV_INFO:Arbeidstaker"), Key(projection.CaseId, "milestone:AKTIVITETSKRAV_INFO:Arbeidsgiver")],
            NoticeKeys(Effects, projection.CaseId).Where(k => k.Contains(AktivitetskravInfo, StringComparison.Ordinal)));
    }

    [TimeSkippingFact]
    public async Task AKTIVITETSKRAV_INFO_is_not_applicable_when_the_sick_leave_ends_before_S_plus_42()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(30)));

        var closed = await person.FinalResultAsync();

        Assert.NotNull(closed);
        Result(closed, AktivitetskravInfo, "NOT_APPLICABLE");
        Assert.Equal(("FRISKMELDT", Days.SPlus(30 + 17)), (closed.State.Outcome, closed.State.Closed));
    }

    [TimeSkippingFact]
    public async Task AKTIVITETSKRAV_VURDERING_creates_a_veileder_task_at_S_plus_55_for_a_full_sick_leave()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(90)));

        await AdvanceToAsync(Days.SPlus(54));
        Assert.Equal("PENDING", Milestone(await person.QueryAsync(), MilestoneCodes.AktivitetskravVurdering).Result);

        await AdvanceToAsync(Days.SPlus(55));
        var projection = await person.QueryAsync();
        Fired(projection, MilestoneCodes.AktivitetskravVurdering, Days.SPlus(55));
        Assert.Contains(Key(projection.CaseId, "milestone:AKTIVITETSKRAV_VURDERING:Veileder"), TaskKeys(Effects, projection.CaseId));
    }

    [TimeSkippingFact]
    public async Task AKTIVITETSKRAV_VURDERING_is_fulfilled_automatically_without_a_task_when_gradert_at_end()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(30)));
        await DeliverAsync(person, Sykmelding("sm-2", Days.SPlus(31), Days.SPlus(90), sentOn: Days.SPlus(29), grad: 50));

        await AdvanceToAsync(Days.SPlus(56));
        var projection = await person.QueryAsync();
        Result(projection, MilestoneCodes.AktivitetskravVurdering, "SATISFIED");
        Assert.DoesNotContain(Effects.Tasks, t => t.Task.Code == MilestoneCodes.AktivitetskravVurdering);
    }

    [TimeSkippingFact]
    public async Task AKTIVITETSKRAV_VURDERING_is_satisfied_when_a_veileder_assessed_the_aktivitetskrav_before_S_plus_55()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(90)));
        await DeliverAsync(person, AktivitetskravVurdert("ak-1", VurderingUtfall.Unntak, Days.SPlus(50), arsak: "medisinske grunner"));

        await AdvanceToAsync(Days.SPlus(56));
        var projection = await person.QueryAsync();
        Result(projection, MilestoneCodes.AktivitetskravVurdering, "SATISFIED");
        Assert.DoesNotContain(Effects.Tasks, t => t.Task.Code == MilestoneCodes.AktivitetskravVurdering);
        var decision = Assert.Single(Effects.AuditTrail, a => a.Action == "DECISION");
        Assert.Equal(("AKTIVITETSKRAV_UNNTAK", Key(projection.CaseId, "decision:aktivitetskravVurdering:ak-1")), (decision.Code, decision.IdempotencyKey));
        Assert.Contains("medisinske grunner", decision.Cause, StringComparison.Ordinal);
    }
}
