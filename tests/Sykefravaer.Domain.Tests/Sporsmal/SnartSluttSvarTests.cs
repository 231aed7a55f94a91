using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Domain.Sporsmal;
using Sykefravaer.Domain.Tests.Cases;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Domain.Tests.Cases.CaseScenario;

namespace Sykefravaer.Domain.Tests.Sporsmal;

/// <summary>SNART_SLUTT_SVAR and SNART_SLUTT_IKKE_SVART (rule set 2027-behov): the week-39 notice asks whether the
/// person wants follow-up; a yes, a no and no answer within 10 days each create a veileder task.</summary>
public class SnartSluttSvarTests
{
    private static readonly DateOnly Sent = SPlus(273);

    [Fact]
    public void SNART_SLUTT_SYKEPENGER_under_2027_behov_the_notice_comes_alone_and_2026_keeps_its_task_at_once()
    {
        var behov = Sick(RuleSets.V2027Behov);
        var current = Sick(RuleSets.V2026);

        behov.RunUntil(Sent);
        current.RunUntil(Sent);

        Assert.Equal([EffectKind.Notice], behov.Effects.Where(e => e.Code == SnartSluttSykepenger).Select(e => e.Kind));
        Assert.Equal([EffectKind.Notice, EffectKind.Task], current.Effects.Where(e => e.Code == SnartSluttSykepenger).Select(e => e.Kind).Order());
    }

    [Theory]
    [InlineData(true, SporsmalCodes.SnartSluttOnskerOppfolging)]
    [InlineData(false, SporsmalCodes.SnartSluttOnskerIkkeOppfolging)]
    public void SNART_SLUTT_SVAR_a_yes_or_a_no_creates_its_task_and_no_answer_task_follows(bool onsker, string code)
    {
        var scenario = Sick(RuleSets.V2027Behov);
        scenario.RunUntil(Sent);

        var task = Assert.Single(scenario.Apply(new SnartSluttSvarMottatt("ss-1", On(Sent.AddDays(3)), onsker)));
        scenario.RunUntil(Sent.AddDays(30));

        Assert.Equal((EffectKind.Task, code, Recipient.Veileder), (task.Kind, task.Code, task.To));
        Assert.DoesNotContain(scenario.Effects, e => e.Code == SporsmalCodes.SnartSluttIkkeSvart);
    }

    [Fact]
    public void SNART_SLUTT_IKKE_SVART_no_answer_in_10_days_creates_a_task_on_the_tenth_day()
    {
        var scenario = Sick(RuleSets.V2027Behov);
        scenario.RunUntil(Sent.AddDays(9));
        Assert.DoesNotContain(scenario.Effects, e => e.Code == SporsmalCodes.SnartSluttIkkeSvart);
        Assert.Equal(Norway(Sent.AddDays(10)), scenario.State.NextWakeUp);

        scenario.RunUntil(Sent.AddDays(40));

        var task = Assert.Single(scenario.Effects, e => e.Code == SporsmalCodes.SnartSluttIkkeSvart);
        Assert.Equal((EffectKind.Task, Sent.AddDays(10)), (task.Kind, task.On));
    }

    [Fact]
    public void SNART_SLUTT_SVAR_an_answer_after_the_no_answer_task_still_gets_its_own()
    {
        var scenario = Sick(RuleSets.V2027Behov);
        scenario.RunUntil(Sent.AddDays(12));

        var effects = scenario.Apply(new SnartSluttSvarMottatt("ss-1", On(Sent.AddDays(20)), OnskerOppfolging: true));

        Assert.Equal([SporsmalCodes.SnartSluttOnskerOppfolging], effects.Select(e => e.Code));
        Assert.Single(scenario.Effects, e => e.Code == SporsmalCodes.SnartSluttIkkeSvart);
    }

    [Fact]
    public void SNART_SLUTT_IKKE_SVART_a_case_that_closes_first_creates_no_task()
    {
        var scenario = Sick(RuleSets.V2027Behov);
        scenario.RunUntil(Sent);
        scenario.Apply(new Dodsfall("dod-1", On(Sent.AddDays(5)), Sent.AddDays(5)));

        scenario.RunUntil(Sent.AddDays(40));

        Assert.True(scenario.State.IsClosed);
        Assert.DoesNotContain(scenario.Effects, e => e.Code == SporsmalCodes.SnartSluttIkkeSvart);
    }

    private static DateTimeOffset Norway(DateOnly day) => Time.NorwegianTime.StartOf(day);

    private static CaseScenario Sick(string version)
    {
        var scenario = new CaseScenario(CaseState.Open(version));
        scenario.Receive(Sm("sm-1", Day(1), SPlus(330)));
        return scenario;
    }
}
