using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Domain.Sporsmal;
using Sykefravaer.Testing;
using Sykefravaer.Workflows.Tests.Infrastructure;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Milestones;

/// <summary>Rule set 2027-behov through the workflow: KARTLEGGING and its answers, the week-39 answers or their
/// absence, and the feedback to whoever asks for a meeting; each written once to the store.</summary>
public sealed class NeedsBasedFollowUpTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    private static readonly KartleggingSvar Risky =
        new(TilbakeTilJobben.Usikker, SamarbeidMedArbeidsgiver.God, ForventetVarighet.UnderSeksManeder);

    [TimeSkippingFact]
    public async Task KARTLEGGING_SVAR_the_questions_at_S_plus_42_and_a_risk_answer_make_one_flagged_task()
    {
        var person = NewPerson(ruleSet: RuleSets.V2027Behov);
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(150)));

        await AdvanceToAsync(Days.SPlus(42));
        var asked = await person.QueryAsync();
        Fired(asked, Kartlegging, Days.SPlus(42));
        Assert.Contains(Key(asked.CaseId, "milestone:KARTLEGGING:Arbeidstaker"), NoticeKeys(Effects, asked.CaseId));

        await DeliverAsync(person, KartleggingSvar("ks-1", Risky, Days.SPlus(45)));
        await DeliverAsync(person, KartleggingSvar("ks-1", Risky, Days.SPlus(46)));

        var answered = await person.QueryAsync();
        var task = Assert.Single(Effects.Tasks, t => t.Task.CaseId == answered.CaseId && t.Task.Code.StartsWith("KARTLEGGING", StringComparison.Ordinal));
        Assert.Equal(SporsmalCodes.KartleggingSvarRisiko, task.Task.Code);
        Assert.Contains(answered.Events!, e => e.Code == "KARTLEGGING_SVAR" && e.Detail == "RISIKO");
        StoreMatchesTimeline(Effects, answered);
    }

    [TimeSkippingFact]
    public async Task KARTLEGGING_is_not_in_the_2026_rule_set_and_an_answer_there_decides_nothing()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(150)));

        await DeliverAsync(person, KartleggingSvar("ks-1", Risky, Days.SPlus(45)));

        var projection = await person.QueryAsync();
        Assert.DoesNotContain(projection.Milestones, m => m.Code == Kartlegging);
        Assert.DoesNotContain(Effects.Tasks, t => t.Task.CaseId == projection.CaseId && t.Task.Code.StartsWith("KARTLEGGING", StringComparison.Ordinal));
        Assert.Contains(projection.Events!, e => e.Code == "KARTLEGGING_SVAR");
    }

    [TimeSkippingFact]
    public async Task SNART_SLUTT_IKKE_SVART_the_workflow_wakes_ten_days_after_the_week_39_notice_and_a_later_answer_gets_its_task()
    {
        var person = NewPerson(ruleSet: RuleSets.V2027Behov);
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(330)));

        await AdvanceToAsync(Days.SPlus(283));
        var projection = await person.QueryAsync();
        Fired(projection, SnartSluttSykepenger, Days.SPlus(273));
        Assert.Equal(
            [Key(projection.CaseId, "sporsmal:SNART_SLUTT_SYKEPENGER:ikke-svart")],
            TaskKeys(Effects, projection.CaseId).Where(k => k.Contains("SNART_SLUTT", StringComparison.Ordinal)));

        await DeliverAsync(person, SnartSluttSvar("ss-1", onskerOppfolging: true, Days.SPlus(290)));

        var answered = await person.QueryAsync();
        Assert.Contains(Effects.Tasks, t => t.Task.CaseId == answered.CaseId && t.Task.Code == SporsmalCodes.SnartSluttOnskerOppfolging);
        StoreMatchesTimeline(Effects, answered);
    }

    [TimeSkippingFact]
    public async Task MOTEBEHOV_AVKLART_who_asked_hears_back_when_it_arrives_and_when_the_meeting_is_called()
    {
        var person = NewPerson(ruleSet: RuleSets.V2027Behov);
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(150)));

        await DeliverAsync(person, Motebehov("mb-1", MotebehovFra.Arbeidstaker, harBehov: true, Days.SPlus(20)));
        await DeliverAsync(person, Dialogmote("dm-1", 1, DialogmoteStatus.Innkalt, Days.SPlus(35)));

        var projection = await person.QueryAsync();
        Assert.Equal(
            [Key(projection.CaseId, "motebehov:mb-1:kvittering"), Key(projection.CaseId, "motebehov:mb-1:avklart")],
            NoticeKeys(Effects, projection.CaseId).Where(k => k.Contains("motebehov:", StringComparison.Ordinal)));
        Assert.Contains(projection.Events!, e => e.Code == "DIALOGMOTE_INNKALT");
        Result(projection, Dialogmote1Frist, "PENDING");
    }
}
