using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Domain.Sporsmal;
using Sykefravaer.Domain.Tests.Cases;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Domain.Tests.Cases.CaseScenario;

namespace Sykefravaer.Domain.Tests.Sporsmal;

/// <summary>KARTLEGGING (rule set 2027-behov): the week-6 questions, and KARTLEGGING_SVAR, the task that only an
/// answer in time creates.</summary>
public class KartleggingTests
{
    private static readonly KartleggingSvar LowRisk =
        new(TilbakeTilJobben.Sannsynlig, SamarbeidMedArbeidsgiver.God, ForventetVarighet.UnderSeksManeder);

    [Fact]
    public void KARTLEGGING_asks_the_person_on_S_plus_42_under_2027_behov_only()
    {
        var behov = Sick(RuleSets.V2027Behov, SPlus(199));
        var current = Sick(RuleSets.V2026, SPlus(199));

        behov.RunUntil(SPlus(60));
        current.RunUntil(SPlus(60));

        var notice = Assert.Single(behov.Effects, e => e.Code == Kartlegging);
        Assert.Equal((EffectKind.Notice, Recipient.Arbeidstaker, SPlus(42)), (notice.Kind, notice.To, notice.On));
        Assert.Equal(SPlus(42 + 31), behov.State.SporsmalSendt[Kartlegging].AcceptedUntil);
        Assert.DoesNotContain(current.Effects, e => e.Code == Kartlegging);
    }

    [Theory]
    [InlineData(46, false)] // 47 sick days, ending within 4 days of S+42: the questions would come as it ends
    [InlineData(47, true)]
    [InlineData(41, false)] // no longer sick on S+42
    public void KARTLEGGING_is_not_sent_in_a_short_tilfelle_about_to_end(int lastDay, bool asked)
    {
        var scenario = Sick(RuleSets.V2027Behov, SPlus(lastDay));

        scenario.RunUntil(SPlus(42));

        Assert.Equal(asked, scenario.Effects.Any(e => e.Code == Kartlegging));
    }

    [Fact]
    public void KARTLEGGING_needs_an_employer_and_a_person_under_67()
    {
        var noEmployer = new CaseScenario(CaseState.Open(RuleSets.V2027Behov));
        noEmployer.Receive(Sm("sm-1", Day(1), SPlus(199), orgnr: null));
        var turns67 = new CaseScenario(CaseState.Open(RuleSets.V2027Behov, birthDate: SPlus(42).AddYears(-67)));
        turns67.Receive(Sm("sm-1", Day(1), SPlus(199)));
        var is66 = new CaseScenario(CaseState.Open(RuleSets.V2027Behov, birthDate: SPlus(43).AddYears(-67)));
        is66.Receive(Sm("sm-1", Day(1), SPlus(199)));

        foreach (var scenario in new[] { noEmployer, turns67, is66 })
        {
            scenario.RunUntil(SPlus(50));
        }

        Assert.DoesNotContain(noEmployer.Effects, e => e.Code == Kartlegging);
        Assert.DoesNotContain(turns67.Effects, e => e.Code == Kartlegging);
        Assert.Contains(is66.Effects, e => e.Code == Kartlegging);
    }

    [Fact]
    public void KARTLEGGING_SVAR_an_answer_in_time_creates_one_veileder_task_without_the_risk_flag()
    {
        var scenario = Sick(RuleSets.V2027Behov, SPlus(199));

        var effects = scenario.Apply(new KartleggingSvarMottatt("ks-1", On(SPlus(50)), LowRisk));

        var task = Assert.Single(effects);
        Assert.Equal((EffectKind.Task, SporsmalCodes.KartleggingSvar, SPlus(50)), (task.Kind, task.Code, task.On));
        Assert.Equal(SPlus(50), scenario.State.SporsmalSendt[Kartlegging].AnsweredOn);
    }

    public static TheoryData<KartleggingSvar> RiskyAnswers => new()
    {
        LowRisk with { TilbakeTilJobben = TilbakeTilJobben.LiteSannsynlig },
        LowRisk with { TilbakeTilJobben = TilbakeTilJobben.Usikker },
        LowRisk with { Samarbeid = SamarbeidMedArbeidsgiver.Darlig },
        LowRisk with { Varighet = ForventetVarighet.OverSeksManeder },
    };

    [Theory]
    [MemberData(nameof(RiskyAnswers))]
    public void KARTLEGGING_SVAR_any_answer_that_is_not_the_low_risk_one_flags_the_task_risk(KartleggingSvar svar)
    {
        var scenario = Sick(RuleSets.V2027Behov, SPlus(199));

        var task = Assert.Single(scenario.Apply(new KartleggingSvarMottatt("ks-1", On(SPlus(50)), svar)));

        Assert.Equal(SporsmalCodes.KartleggingSvarRisiko, task.Code);
        Assert.True(scenario.State.KartleggingIndicatedRisk);
    }

    [Theory]
    [InlineData(31, true)]
    [InlineData(32, false)]
    public void KARTLEGGING_SVAR_answers_are_taken_for_31_days_and_a_late_one_is_kept_without_a_task(int daysAfter, bool task)
    {
        var scenario = Sick(RuleSets.V2027Behov, SPlus(199));

        var effects = scenario.Apply(new KartleggingSvarMottatt("ks-1", On(SPlus(42 + daysAfter)), LowRisk));

        Assert.Equal(task, effects.Any(e => e.Kind == EffectKind.Task));
        Assert.Single(scenario.State.KartleggingSvar);
    }

    [Fact]
    public void KARTLEGGING_SVAR_a_second_answer_or_a_redelivery_creates_no_second_task()
    {
        var scenario = Sick(RuleSets.V2027Behov, SPlus(199));
        var first = new KartleggingSvarMottatt("ks-1", On(SPlus(50)), LowRisk);
        scenario.Apply(first);

        var again = scenario.Apply(first with { At = On(SPlus(51)) });
        var second = scenario.Apply(new KartleggingSvarMottatt("ks-2", On(SPlus(52)), LowRisk with { Samarbeid = SamarbeidMedArbeidsgiver.Darlig }));

        Assert.Empty(again);
        Assert.Empty(second);
        Assert.Equal(2, scenario.State.KartleggingSvar.Length);
        Assert.False(scenario.State.KartleggingIndicatedRisk, "only the answer taken up counts");
    }

    [Fact]
    public void KARTLEGGING_no_answer_creates_nothing_ever()
    {
        var scenario = Sick(RuleSets.V2027Behov, SPlus(199));

        scenario.RunUntil(SPlus(199));

        Assert.DoesNotContain(scenario.Effects, e => e.Code.StartsWith("KARTLEGGING_", StringComparison.Ordinal));
        Assert.DoesNotContain(scenario.Effects, e => e.Code.Contains("FORHANDSVARSEL", StringComparison.Ordinal));
    }

    [Fact]
    public void KARTLEGGING_SVAR_an_answer_to_questions_never_sent_is_kept_and_decides_nothing()
    {
        var scenario = Sick(RuleSets.V2026, SPlus(199));

        var effects = scenario.Apply(new KartleggingSvarMottatt("ks-1", On(SPlus(50)), LowRisk));

        Assert.Empty(effects);
        Assert.Single(scenario.State.KartleggingSvar);
    }

    [Fact]
    public void KARTLEGGING_SVAR_a_risk_answer_is_a_risk_signal_for_DIALOGMOTE2_KANDIDAT()
    {
        var plan = new OppfolgingsplanDelt("op-1", On(SPlus(20)), PlanMottaker.Sykmelder);
        var withRisk = Sick(RuleSets.V2027Behov, SPlus(199));
        withRisk.Apply(plan);
        withRisk.Apply(new KartleggingSvarMottatt("ks-1", On(SPlus(50)), LowRisk with { Varighet = ForventetVarighet.OverSeksManeder }));
        var withoutRisk = Sick(RuleSets.V2027Behov, SPlus(199));
        withoutRisk.Apply(plan);
        withoutRisk.Apply(new KartleggingSvarMottatt("ks-1", On(SPlus(50)), LowRisk));

        withRisk.RunUntil(SPlus(130));
        withoutRisk.RunUntil(SPlus(130));

        Assert.Contains(Dialogmote2Kandidat, withRisk.FiredCodes);
        Assert.DoesNotContain(Dialogmote2Kandidat, withoutRisk.FiredCodes);
    }

    [Fact]
    public void KARTLEGGING_SVAR_answers_name_the_question_that_is_wrong()
    {
        var bad = new KartleggingSvarMottatt("ks-1", On(SPlus(50)), LowRisk with { Samarbeid = (SamarbeidMedArbeidsgiver)7 });

        var error = Assert.Throws<Sykefravaer.Domain.Input.InvalidInputException>(bad.Validate);

        Assert.Equal("samarbeid", error.Field);
    }

    [Fact]
    public void KARTLEGGING_state_survives_a_round_trip_through_json()
    {
        var scenario = Sick(RuleSets.V2027Behov, SPlus(199));
        scenario.Apply(new KartleggingSvarMottatt("ks-1", On(SPlus(50)), LowRisk));

        var copy = System.Text.Json.JsonSerializer.Deserialize<CaseState>(Json(scenario.State))!;

        Assert.Equal(Json(scenario.State), Json(copy));
        Assert.Equal(SPlus(50), copy.SporsmalSendt[Kartlegging].AnsweredOn);
    }

    private static CaseScenario Sick(string version, DateOnly until)
    {
        var scenario = new CaseScenario(CaseState.Open(version));
        scenario.Receive(Sm("sm-1", Day(1), until));
        return scenario;
    }
}
