using Sykefravaer.Testing;
using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Workflows.Tests.Infrastructure;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Events;

/// <summary>T6 (late, back-dated information fires passed milestones at once, never twice) and duplicates (an event
/// delivered again, same type and id, changes nothing: no second notice or task).</summary>
public sealed class LateAndDuplicateEventTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    [TimeSkippingFact]
    public async Task T6_a_sykmelding_learned_of_late_fires_every_milestone_already_due_at_once_and_the_rest_on_their_dates()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(90), sentOn: Days.SPlus(50)));

        var projection = await person.QueryAsync();
        Fired(projection, OppfolgingsplanFrist, Days.SPlus(28), firedOn: Days.SPlus(50));
        Fired(projection, AktivitetskravInfo, Days.SPlus(42), firedOn: Days.SPlus(50));
        Fired(projection, Dialogmote1Frist, Days.SPlus(49), firedOn: Days.SPlus(50));
        Assert.Equal("PENDING", Milestone(projection, MilestoneCodes.AktivitetskravVurdering).Result);

        await AdvanceToAsync(Days.SPlus(56));
        projection = await person.QueryAsync();
        Fired(projection, MilestoneCodes.AktivitetskravVurdering, Days.SPlus(55));
        Fired(projection, OppfolgingsplanFrist, Days.SPlus(28), firedOn: Days.SPlus(50));
        StoreMatchesTimeline(Effects, projection);
    }

    [TimeSkippingFact]
    public async Task T6_a_back_dated_sykmelding_that_moves_S_earlier_fires_the_milestone_it_makes_overdue_at_once()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(60)));
        var earlierStart = Days.S.AddDays(-10);

        await DeliverAsync(person, Sykmelding("sm-0", earlierStart, Days.S.AddDays(-1), sentOn: Days.SPlus(20)));

        var projection = await person.QueryAsync();
        Assert.Equal(earlierStart, projection.State.Start);
        Fired(projection, OppfolgingsplanFrist, earlierStart.AddDays(28), firedOn: Days.SPlus(20));
        Assert.Equal(earlierStart.AddDays(42), Milestone(projection, AktivitetskravInfo).Due);
    }

    [TimeSkippingFact]
    public async Task T6_a_late_sykmelding_after_a_milestone_fired_never_fires_it_again()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(40)));
        await AdvanceToAsync(Days.SPlus(30));

        // Back-dated extension of the start: OPPFOLGINGSPLAN_FRIST moves to an earlier date, but it already fired.
        await DeliverAsync(person, Sykmelding("sm-0", Days.S.AddDays(-5), Days.S.AddDays(-1), sentOn: Days.SPlus(31)));

        var projection = await person.QueryAsync();
        Assert.Equal("FIRED", Milestone(projection, OppfolgingsplanFrist).Result);
        Assert.Equal(Days.SPlus(28), Milestone(projection, OppfolgingsplanFrist).FiredOn);
        Assert.Equal(2, Effects.Notices.Count(n => n.Notice.Code == OppfolgingsplanFrist));
        StoreMatchesTimeline(Effects, projection);
    }

    [TimeSkippingFact]
    public async Task Duplicate_sykmelding_changes_nothing_and_sends_no_second_notice()
    {
        var person = NewPerson();
        var sykmelding = Sykmelding("sm-1", Days.S, Days.SPlus(60));
        await DeliverAsync(person, sykmelding);
        await AdvanceToAsync(Days.SPlus(30));
        var before = await person.QueryAsync();

        await DeliverAsync(person, sykmelding with { At = CaseDays.At(Days.SPlus(31)) });

        var after = await person.QueryAsync();
        Assert.Equal(before.State, after.State);
        Assert.Equal(before.Milestones, after.Milestones);
        Assert.Equal(before.Effects, after.Effects);
        StoreMatchesTimeline(Effects, after);
    }

    [TimeSkippingFact]
    public async Task Duplicate_motebehov_creates_one_MOTEBEHOV_task()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(60)));
        var motebehov = Motebehov("mb-1", MotebehovFra.Arbeidsgiver, harBehov: true, Days.SPlus(10));

        await DeliverAsync(person, motebehov);
        await DeliverAsync(person, motebehov with { At = CaseDays.At(Days.SPlus(11)) });

        var projection = await person.QueryAsync();
        Assert.Single(Effects.Tasks, t => t.Task.Code == "MOTEBEHOV");
        Assert.Single(projection.Effects, e => e.Code == "MOTEBEHOV");
    }

    [TimeSkippingFact]
    public async Task Duplicate_aktivitetskravVurdering_IKKE_OPPFYLT_sends_one_forhandsvarsel_and_one_VURDER_STANS()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(150)));
        var vurdering = AktivitetskravVurdert("ak-1", VurderingUtfall.IkkeOppfylt, Days.SPlus(60), "ingen aktivitet");

        await DeliverAsync(person, vurdering);
        await DeliverAsync(person, vurdering with { At = CaseDays.At(Days.SPlus(61)) });
        await AdvanceToAsync(Days.SPlus(90));
        await DeliverAsync(person, vurdering with { At = CaseDays.At(Days.SPlus(91)) });

        var projection = await person.QueryAsync();
        Assert.Single(Effects.Notices, n => n.Notice.Code == AktivitetskravProcess.ForhandsvarselCode);
        Assert.Single(Effects.Tasks, t => t.Task.Code == AktivitetskravProcess.VurderStansCode);
        Assert.Single(Effects.AuditTrail, a => a.Action == "DECISION");
        StoreMatchesTimeline(Effects, projection);
    }

    [TimeSkippingFact]
    public async Task Duplicate_dialogmote_and_oppfolgingsplanDelt_and_forhandsvarselSvar_change_nothing()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(150)));
        var plan = OppfolgingsplanDelt("op-1", PlanMottaker.Sykmelder, Days.SPlus(10));
        var mote = Dialogmote("dm-2", 2, DialogmoteStatus.Unntak, Days.SPlus(15), begrunnelse: "åpenbart unødvendig");
        var svar = ForhandsvarselSvar("svar-1", Days.SPlus(16));
        foreach (var e in new CaseEvent[] { plan, plan, mote, mote, svar, svar })
        {
            await DeliverAsync(person, e);
        }

        var projection = await person.QueryAsync();
        Assert.Single(Effects.AuditTrail, a => a.Action == "DECISION");
        Assert.Empty(projection.Effects);
        await AdvanceToAsync(Days.SPlus(29));
        Result(await person.QueryAsync(), OppfolgingsplanFrist, "SATISFIED");
    }

    [TimeSkippingFact]
    public async Task Decisions_of_two_senders_sharing_an_id_are_both_recorded_and_a_changed_redelivery_leaves_the_case_running()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(120)));
        await DeliverAsync(person, AktivitetskravVurdert("ev-1", VurderingUtfall.Avvent, Days.SPlus(50), arsak: "venter på lege"));
        await DeliverAsync(person, Dialogmote("ev-1", 2, DialogmoteStatus.Unntak, Days.SPlus(52), begrunnelse: "åpenbart unødvendig"));
        // The same assessment sent again with another outcome: a duplicate by type and id, which changes nothing.
        await DeliverAsync(person, AktivitetskravVurdert("ev-1", VurderingUtfall.Unntak, Days.SPlus(53), arsak: "medisinske grunner"));

        await AdvanceToAsync(Days.SPlus(60));
        var projection = await person.QueryAsync();
        Assert.Equal(Temporalio.Api.Enums.V1.WorkflowExecutionStatus.Running, (await person.DescribeAsync()).Status);
        Assert.Equal(
            ["AKTIVITETSKRAV_AVVENT", "DIALOGMOTE2_UNNTAK"],
            Effects.AuditTrail.Where(a => a.Action == "DECISION").Select(a => a.Code));
        Fired(projection, AktivitetskravInfo, Days.SPlus(42));
    }
}
