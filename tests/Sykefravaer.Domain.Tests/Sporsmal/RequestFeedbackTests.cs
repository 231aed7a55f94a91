using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Domain.Sporsmal;
using Sykefravaer.Domain.Tests.Cases;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Domain.Tests.Cases.CaseScenario;

namespace Sykefravaer.Domain.Tests.Sporsmal;

/// <summary>REQUEST_FEEDBACK (rule set 2027-behov): whoever states a møtebehov hears that NAV has it
/// (MOTEBEHOV_KVITTERING) and, once, what the veileder decided (MOTEBEHOV_AVKLART).</summary>
public class RequestFeedbackTests
{
    private static readonly MotebehovMeldt FromArbeidsgiver = new("mb-1", On(SPlus(30)), MotebehovFra.Arbeidsgiver, HarBehov: true);

    [Fact]
    public void MOTEBEHOV_KVITTERING_goes_to_whoever_stated_the_need_beside_the_veileder_task()
    {
        var behov = Sick(RuleSets.V2027Behov);
        var current = Sick(RuleSets.V2026);

        var effects = behov.Apply(FromArbeidsgiver);
        var without = current.Apply(FromArbeidsgiver);

        Assert.Equal(
            [("MOTEBEHOV", EffectKind.Task, Recipient.Veileder), (SporsmalCodes.MotebehovKvittering, EffectKind.Notice, Recipient.Arbeidsgiver)],
            effects.Select(e => (e.Code, e.Kind, e.To)));
        Assert.Equal(["MOTEBEHOV"], without.Select(e => e.Code));
    }

    [Fact]
    public void MOTEBEHOV_KVITTERING_not_for_a_party_that_says_no_meeting_is_needed()
    {
        var scenario = Sick(RuleSets.V2027Behov);

        var effects = scenario.Apply(FromArbeidsgiver with { HarBehov = false });

        Assert.Empty(effects);
    }

    [Theory]
    [InlineData(DialogmoteStatus.Innkalt, "called")]
    [InlineData(DialogmoteStatus.Avholdt, "held")]
    [InlineData(DialogmoteStatus.Unntak, "not needed")]
    public void MOTEBEHOV_AVKLART_the_veileders_decision_reaches_each_party_that_asked_once(DialogmoteStatus status, string told)
    {
        var scenario = Sick(RuleSets.V2027Behov);
        scenario.Apply(FromArbeidsgiver);
        scenario.Apply(new MotebehovMeldt("mb-2", On(SPlus(31)), MotebehovFra.Arbeidstaker, HarBehov: true));

        var effects = scenario.Apply(Mote("dm-1", status, SPlus(40)));
        var later = scenario.Apply(Mote("dm-2", DialogmoteStatus.Avholdt, SPlus(44)));

        Assert.Equal([Recipient.Arbeidsgiver, Recipient.Arbeidstaker], effects.Where(e => e.Code == SporsmalCodes.MotebehovAvklart).Select(e => e.To));
        Assert.All(effects, e => Assert.Contains(told, e.Cause, StringComparison.Ordinal));
        Assert.Empty(later);
    }

    [Fact]
    public void MOTEBEHOV_AVKLART_nothing_under_2026()
    {
        var scenario = Sick(RuleSets.V2026);
        scenario.Apply(FromArbeidsgiver);

        Assert.Empty(scenario.Apply(Mote("dm-1", DialogmoteStatus.Avholdt, SPlus(40))));
    }

    [Fact]
    public void A_dialogmote_called_satisfies_no_milestone_until_it_is_held()
    {
        var called = Sick(RuleSets.V2026);
        called.Apply(Mote("dm-1", DialogmoteStatus.Innkalt, SPlus(45)));
        var held = Sick(RuleSets.V2026);
        held.Apply(Mote("dm-1", DialogmoteStatus.Avholdt, SPlus(45)));

        called.RunUntil(SPlus(50));
        held.RunUntil(SPlus(50));

        Assert.Contains(Dialogmote1Frist, called.FiredCodes);
        Assert.DoesNotContain(Dialogmote1Frist, held.FiredCodes);
    }

    private static DialogmoteRegistrert Mote(string id, DialogmoteStatus status, DateOnly dato) =>
        new(id, On(dato), 1, status, dato, status == DialogmoteStatus.Unntak ? "Partene er enige om at møtet ikke trengs" : null);

    private static CaseScenario Sick(string version)
    {
        var scenario = new CaseScenario(CaseState.Open(version));
        scenario.Receive(Sm("sm-1", Day(1), SPlus(199)));
        return scenario;
    }
}
