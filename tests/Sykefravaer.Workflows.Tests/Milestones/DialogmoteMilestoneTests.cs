using Sykefravaer.Testing;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Workflows.Tests.Infrastructure;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Milestones;

/// <summary>DIALOGMOTE1_FRIST (S + 49), MOTEBEHOV_SPORSMAL (S + 112), DIALOGMOTE2_KANDIDAT (S + 119) and
/// DIALOGMOTE2_FRIST (S + 182), and the dialogmote and motebehov events that satisfy or trigger them.</summary>
public sealed class DialogmoteMilestoneTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    [TimeSkippingFact]
    public async Task DIALOGMOTE1_FRIST_reminds_the_employer_at_S_plus_49_when_fully_sick()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(70)));

        await AdvanceToAsync(Days.SPlus(49));
        var projection = await person.QueryAsync();
        Fired(projection, Dialogmote1Frist, Days.SPlus(49));
        Assert.Contains(Key(projection.CaseId, "milestone:DIALOGMOTE1_FRIST:Arbeidsgiver"), NoticeKeys(Effects, projection.CaseId));
    }

    [TimeSkippingFact]
    public async Task DIALOGMOTE1_FRIST_is_satisfied_by_a_dialogmote_1_held_before_it_falls_due()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(70)));
        await DeliverAsync(person, Dialogmote("dm-1", 1, DialogmoteStatus.Avholdt, Days.SPlus(40)));

        await AdvanceToAsync(Days.SPlus(50));
        Result(await person.QueryAsync(), Dialogmote1Frist, "SATISFIED");
        Assert.DoesNotContain(Effects.Notices, n => n.Notice.Code == Dialogmote1Frist);
    }

    [TimeSkippingFact]
    public async Task DIALOGMOTE1_FRIST_is_not_applicable_when_gradert_on_its_due_date_and_no_party_asked_for_a_meeting()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(70), grad: 60));

        await AdvanceToAsync(Days.SPlus(50));
        Result(await person.QueryAsync(), Dialogmote1Frist, "NOT_APPLICABLE");
    }

    [TimeSkippingFact]
    public async Task DIALOGMOTE1_FRIST_fires_for_a_gradert_sick_leave_when_motebehov_asked_for_a_meeting()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(70), grad: 60));
        await DeliverAsync(person, Motebehov("mb-1", MotebehovFra.Arbeidsgiver, harBehov: true, Days.SPlus(30)));

        await AdvanceToAsync(Days.SPlus(49));
        Fired(await person.QueryAsync(), Dialogmote1Frist, Days.SPlus(49));
    }

    [TimeSkippingFact]
    public async Task MOTEBEHOV_SPORSMAL_asks_the_employee_and_the_employer_at_S_plus_112()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(130)));

        await AdvanceToAsync(Days.SPlus(112));
        var projection = await person.QueryAsync();
        Fired(projection, MotebehovSporsmal, Days.SPlus(112));
        Assert.Equal(
            [Key(projection.CaseId, "milestone:MOTEBEHOV_SPORSMAL:Arbeidstaker"), Key(projection.CaseId, "milestone:MOTEBEHOV_SPORSMAL:Arbeidsgiver")],
            NoticeKeys(Effects, projection.CaseId).Where(k => k.Contains(MotebehovSporsmal, StringComparison.Ordinal)));
    }

    [TimeSkippingFact]
    public async Task DIALOGMOTE2_KANDIDAT_creates_a_veileder_task_at_S_plus_119_that_the_veileder_sees_7_days_later()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(150)));

        await AdvanceToAsync(Days.SPlus(119));
        var projection = await person.QueryAsync();
        Fired(projection, Dialogmote2Kandidat, Days.SPlus(119));
        var task = Assert.Single(Effects.Tasks, t => t.Task.Code == Dialogmote2Kandidat).Task;
        Assert.Equal((Key(projection.CaseId, "milestone:DIALOGMOTE2_KANDIDAT:Veileder"), Days.SPlus(119), Days.SPlus(126)), (task.IdempotencyKey, task.DecidedOn, task.NotBefore));
    }

    [TimeSkippingFact]
    public async Task DIALOGMOTE2_KANDIDAT_is_satisfied_when_a_dialogmote_was_held_since_the_start()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(150)));
        await DeliverAsync(person, Dialogmote("dm-1", 1, DialogmoteStatus.Avholdt, Days.SPlus(45)));

        await AdvanceToAsync(Days.SPlus(120));
        Result(await person.QueryAsync(), Dialogmote2Kandidat, "SATISFIED");
        Assert.DoesNotContain(Effects.Tasks, t => t.Task.Code == Dialogmote2Kandidat);
    }

    [TimeSkippingFact]
    public async Task DIALOGMOTE2_FRIST_escalates_with_a_veileder_task_at_S_plus_182_when_no_dialogmote_2_was_held_or_exempted()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(200)));

        await AdvanceToAsync(Days.SPlus(182));
        var projection = await person.QueryAsync();
        Fired(projection, Dialogmote2Frist, Days.SPlus(182));
        Assert.Contains(Key(projection.CaseId, "milestone:DIALOGMOTE2_FRIST:Veileder"), TaskKeys(Effects, projection.CaseId));
        StoreMatchesTimeline(Effects, projection);
    }

    [TimeSkippingFact]
    public async Task DIALOGMOTE2_FRIST_is_satisfied_by_a_dialogmote_2_exempted_with_reason_and_the_exemption_is_audited()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(200)));
        await DeliverAsync(person, Dialogmote("dm-2", 2, DialogmoteStatus.Unntak, Days.SPlus(150), begrunnelse: "åpenbart unødvendig: tilbake i jobb snart"));

        await AdvanceToAsync(Days.SPlus(183));
        var projection = await person.QueryAsync();
        Result(projection, Dialogmote2Frist, "SATISFIED");
        Assert.DoesNotContain(Effects.Tasks, t => t.Task.Code == Dialogmote2Frist);
        var exemption = Assert.Single(Effects.AuditTrail, a => a.Action == "DECISION");
        Assert.Equal(("DIALOGMOTE2_UNNTAK", Key(projection.CaseId, "decision:dialogmote:dm-2")), (exemption.Code, exemption.IdempotencyKey));
        Assert.Contains("åpenbart unødvendig", exemption.Cause, StringComparison.Ordinal);
    }
}
