using Sykefravaer.Testing;
using Sykefravaer.Workflows.Tests.Infrastructure;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Milestones;

/// <summary>T5 and NAV_OPPFOLGING_UTEN_ARBEIDSGIVER (S + 28): without an employer NAV owns the follow-up.</summary>
public sealed class NavOppfolgingUtenArbeidsgiverTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    [TimeSkippingFact]
    public async Task NAV_OPPFOLGING_UTEN_ARBEIDSGIVER_creates_a_veileder_task_at_S_plus_28_and_T5_drops_the_employer_milestones()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(130), orgnr: null));

        await AdvanceToAsync(Days.SPlus(28));
        var projection = await person.QueryAsync();
        Fired(projection, NavOppfolgingUtenArbeidsgiver, Days.SPlus(28));
        Assert.Equal([Key(projection.CaseId, "milestone:NAV_OPPFOLGING_UTEN_ARBEIDSGIVER:Veileder")], TaskKeys(Effects, projection.CaseId));
        Assert.Empty(NoticeKeys(Effects, projection.CaseId));

        // T5: no oppfølgingsplan, no DM1, no møtebehov question, no DM2 for a case without employer.
        await AdvanceToAsync(Days.SPlus(125));
        projection = await person.QueryAsync();
        foreach (var code in new[] { OppfolgingsplanFrist, Dialogmote1Frist, MotebehovSporsmal, Dialogmote2Kandidat, Dialogmote2Frist })
        {
            Result(projection, code, "NOT_APPLICABLE");
        }

        Assert.DoesNotContain(Effects.Notices, n => n.Notice.To == Domain.Effects.Recipient.Arbeidsgiver);
        Fired(projection, AktivitetskravInfo, Days.SPlus(42));
        StoreMatchesTimeline(Effects, projection);
    }
}
