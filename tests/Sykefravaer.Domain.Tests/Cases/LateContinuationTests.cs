using System.Text.Json;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Input;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Domain.Tests.Cases.CaseScenario;

namespace Sykefravaer.Domain.Tests.Cases;

/// <summary>T1, T6 and T7 together: a case closed because 16 non-sick days seemed to have passed, when a late
/// sykmelding shows they did not.</summary>
public class LateContinuationTests
{
    [Fact]
    public void T7_a_late_sykmelding_filling_the_gap_that_closed_the_case_reopens_it_and_the_past_milestones_fire_at_once()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("a", Day(1), Day(20)), receivedOn: Day(40));
        Assert.Equal((CaseOutcome.Friskmeldt, Day(37)), (scenario.State.Outcome, scenario.State.ClosedOn));

        var effects = scenario.Receive(Sm("b", Day(21), Day(120)), receivedOn: Day(41));

        Assert.Equal(CaseOutcome.Open, scenario.State.Outcome);
        Assert.Null(scenario.State.ClosedOn);
        Assert.Equal((Day(1), Day(120)), (scenario.State.Tilfelle!.Start, scenario.State.Tilfelle.End));
        Assert.Equal([OppfolgingsplanFrist], effects.Select(e => e.Code).Distinct());
        Assert.All(effects, e => Assert.Equal(Day(41), e.On));
    }

    [Fact]
    public void T1_the_same_two_sykmeldinger_at_the_same_instant_give_the_same_case_in_either_order()
    {
        var late = new SykmeldingMottatt("e-late", On(Day(130)), Sm("sm-late", Day(105), Day(250)));
        var back = new SykmeldingMottatt("e-back", On(Day(130)), Sm("sm-back", Day(1), Day(104)));

        var lateFirst = CaseState.Open().Apply(late, late.At).State.Apply(back, back.At).State;
        var backFirst = CaseState.Open().Apply(back, back.At).State.Apply(late, late.At).State;

        Assert.Equal(CaseOutcome.Open, backFirst.Outcome);
        Assert.Equal(JsonSerializer.Serialize(lateFirst), JsonSerializer.Serialize(backFirst));
    }

    [Fact]
    public void T7_a_late_sykmelding_for_the_closed_tilfelle_that_leaves_it_closed_by_today_does_not_reopen_it()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("a", Day(1), Day(20)), receivedOn: Day(80));

        // Day 21–40 joins the tilfelle, which then closes on day 57: still before day 80.
        var effects = scenario.Receive(Sm("b", Day(21), Day(40)), receivedOn: Day(80));

        Assert.Empty(effects);
        Assert.Equal(CaseOutcome.Friskmeldt, scenario.State.Outcome);
        Assert.Empty(scenario.State.CarryOver);
    }

    [Fact]
    public void T1_a_sykmelding_after_16_non_sick_days_does_not_reopen_the_closed_case_but_is_carried_to_the_next()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("a", Day(1), Day(20)), receivedOn: Day(40));

        scenario.Receive(Sm("c", Day(37), Day(90)), receivedOn: Day(41));

        Assert.Equal((CaseOutcome.Friskmeldt, Day(37)), (scenario.State.Outcome, scenario.State.ClosedOn));
        Assert.Equal(["c"], scenario.State.CarryOver.Select(s => s.Id));
    }

    [Fact]
    public void T7_death_keeps_a_case_closed_whatever_sykmelding_comes_later()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("a", Day(1), Day(20)));
        scenario.Apply(new Dodsfall("d-1", On(Day(10)), Day(10)));

        scenario.Receive(Sm("b", Day(21), Day(60)), receivedOn: Day(12));

        Assert.Equal(CaseOutcome.Dod, scenario.State.Outcome);
    }

    [Theory]
    [InlineData("Grad", "sykmelding.grad")]
    [InlineData("Periode", "sykmelding.periode.fom")]
    public void A_sykmelding_signal_without_its_grade_or_period_is_refused_naming_the_field(string missing, string field)
    {
        // What a signal deserialises to when a field is missing: the struct's default (grade 0, the year 1).
        var fields = new Dictionary<string, object?>
        {
            ["Id"] = "sm-1",
            ["Periode"] = new { Fom = "2024-01-01", Tom = "2024-01-10" },
            ["Grad"] = new { Percent = 100 },
            ["Arbeidsgiver"] = null,
        };
        fields.Remove(missing);
        var sykmelding = JsonSerializer.Deserialize<Sykefravaer.Domain.CasePeriod.Sykmelding>(JsonSerializer.Serialize(fields))!;

        var refused = Record.Exception(() => new SykmeldingMottatt("e-1", On(Day(1)), sykmelding).Validate());

        Assert.Equal(field, Assert.IsType<InvalidInputException>(refused).Field);
    }
}
