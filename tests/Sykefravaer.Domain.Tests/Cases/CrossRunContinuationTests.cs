using System.Text.Json;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Input;
using static Sykefravaer.Domain.Tests.Cases.CaseScenario;

namespace Sykefravaer.Domain.Tests.Cases;

/// <summary>
/// T1 across runs: a case that closed and whose workflow run ended is read back (as the worker stores it, as JSON)
/// when the person's next event comes. <see cref="CaseState.Continues"/> says whether that event belongs to the
/// closed case, so the next run continues it instead of starting another.
/// </summary>
public class CrossRunContinuationTests
{
    [Fact]
    public void T1_a_back_dated_sykmelding_filling_the_gap_that_closed_the_case_continues_it_across_runs()
    {
        var closed = StoredAndReadBack(Closed(Sm("a", Day(1), Day(20)), closedBy: Day(40)));
        var filling = new SykmeldingMottatt("e-b", On(Day(41)), Sm("b", Day(21), Day(120)));

        Assert.True(closed.Continues(filling));
        var continued = closed.Apply(filling, filling.At).State;
        Assert.Equal(CaseOutcome.Open, continued.Outcome);
        Assert.Equal((Day(1), Day(120)), (continued.Tilfelle!.Start, continued.Tilfelle.End));
        Assert.Equal(closed.Maksdato, continued.Maksdato);
    }

    [Fact]
    public void T1_a_sykmelding_after_16_non_sick_days_does_not_continue_the_closed_case()
    {
        var closed = StoredAndReadBack(Closed(Sm("a", Day(1), Day(20)), closedBy: Day(40)));

        Assert.False(closed.Continues(new SykmeldingMottatt("e-c", On(Day(60)), Sm("c", Day(37), Day(90)))));
    }

    [Fact]
    public void T1_a_sykmelding_15_non_sick_days_after_the_end_continues_the_closed_case()
    {
        // Days 21–35 are 15 non-sick days: one tilfelle. The case closed (it looked like 16) before the sykmelding came.
        var closed = StoredAndReadBack(Closed(Sm("a", Day(1), Day(20)), closedBy: Day(40)));
        var late = new SykmeldingMottatt("e-b", On(Day(40)), Sm("b", Day(36), Day(70)));

        Assert.True(closed.Continues(late));
        var continued = closed.Apply(late, late.At).State;
        Assert.Equal(CaseOutcome.Open, continued.Outcome);
        Assert.Equal((Day(1), Day(70)), (continued.Tilfelle!.Start, continued.Tilfelle.End));
    }

    [Fact]
    public void T7_a_back_dated_sykmelding_for_a_closed_tilfelle_that_stays_closed_by_today_belongs_to_it_and_changes_nothing()
    {
        // Within a run the closed case drops it (LateContinuationTests); across runs it must not start a case either.
        var closed = StoredAndReadBack(Closed(Sm("b", Day(36), Day(70)), closedBy: Day(90)));
        var backDated = new SykmeldingMottatt("e-a", On(Day(90)), Sm("a", Day(1), Day(20)));

        Assert.True(closed.Continues(backDated));
        var decision = closed.Apply(backDated, backDated.At);
        Assert.Empty(decision.Effects);
        Assert.Equal(CaseOutcome.Friskmeldt, decision.State.Outcome);
        Assert.Empty(decision.State.CarryOver);
    }

    [Fact]
    public void M1_after_maksdato_a_continuing_sick_leave_stays_in_the_closed_case_and_its_end_moves()
    {
        // Sick every day from Monday 2018-01-01; maksdato Friday 2018-12-28 (RULES.md M1).
        var start = new DateOnly(2018, 1, 1);
        var scenario = new CaseScenario();
        for (var month = 0; month < 12; month++)
        {
            var fom = start.AddMonths(month);
            scenario.Receive(Sm($"sm-{month}", fom, fom.AddMonths(1).AddDays(-1)), receivedOn: fom);
        }
        scenario.RunUntil(new DateOnly(2018, 12, 31));
        Assert.Equal((CaseOutcome.Maksdato, new DateOnly(2018, 12, 28)), (scenario.State.Outcome, scenario.State.Maksdato));
        var fired = scenario.State.FiredMilestones;

        var closed = StoredAndReadBack(scenario.State);
        var january = new SykmeldingMottatt("e-jan", On(new DateOnly(2019, 1, 2)), Sm("sm-2019-01", new DateOnly(2019, 1, 1), new DateOnly(2019, 1, 31)));
        Assert.True(closed.Continues(january));
        var decision = closed.Apply(january, january.At);

        Assert.Empty(decision.Effects);
        Assert.Equal(CaseOutcome.Maksdato, decision.State.Outcome);
        Assert.Equal((start, new DateOnly(2019, 1, 31)), (decision.State.Tilfelle!.Start, decision.State.Tilfelle.End));
        Assert.Equal(new DateOnly(2018, 12, 28), decision.State.Maksdato);
        Assert.Equal(fired, decision.State.FiredMilestones);
        Assert.Empty(decision.State.CarryOver);
    }

    [Fact]
    public void Death_closes_the_follow_up_for_good_every_later_event_belongs_to_the_closed_case_and_changes_nothing()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("a", Day(1), Day(60)));
        scenario.Apply(new Dodsfall("d-1", On(Day(10)), Day(10)));
        var closed = StoredAndReadBack(scenario.State);

        var lateSykmelding = new SykmeldingMottatt("e-late", On(Day(200)), Sm("late", Day(180), Day(240)));
        var plan = new OppfolgingsplanDelt("op-1", On(Day(200)), PlanMottaker.Sykmelder);
        Assert.True(closed.Continues(lateSykmelding));
        Assert.True(closed.Continues(plan));

        var after = closed.Apply(lateSykmelding, lateSykmelding.At);
        Assert.Empty(after.Effects);
        Assert.Equal(CaseOutcome.Dod, after.State.Outcome);
        Assert.Equal(closed.Tilfelle, after.State.Tilfelle);
    }

    [Fact]
    public void An_open_case_is_never_continued_across_runs_it_is_still_running()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("a", Day(1), Day(60)));

        Assert.False(scenario.State.Continues(new SykmeldingMottatt("e-b", On(Day(20)), Sm("b", Day(61), Day(90)))));
    }

    private static CaseState Closed(Sykmelding sykmelding, DateOnly closedBy)
    {
        var scenario = new CaseScenario();
        scenario.Receive(sykmelding, receivedOn: closedBy);
        Assert.True(scenario.State.IsClosed);
        return scenario.State;
    }

    /// <summary>The closed case as the next run reads it from the store: through JSON, as the activities keep it.</summary>
    private static CaseState StoredAndReadBack(CaseState state) =>
        JsonSerializer.Deserialize<CaseState>(JsonSerializer.Serialize(state))!;
}
