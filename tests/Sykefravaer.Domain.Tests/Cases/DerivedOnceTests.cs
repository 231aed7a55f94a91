using System.Text.Json;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;
using static Sykefravaer.Domain.Tests.Cases.CaseScenario;

namespace Sykefravaer.Domain.Tests.Cases;

/// <summary>
/// T1, M1–M3: the tilfeller and the maksdato are derived once per set of facts and remembered, so that a step that
/// asks for them many times costs one derivation. What is remembered must never outlive the facts it came from.
/// </summary>
public class DerivedOnceTests
{
    [Fact]
    public void T1_a_ledger_asked_for_its_tilfeller_and_then_changed_derives_the_changed_facts()
    {
        var asked = SykmeldingLedger.Empty.Receive(Sm("sm-1", Day(1), Day(30)));
        Assert.Equal(Day(30), Assert.Single(asked.Tilfeller()).End);

        var changes = new (string What, Func<SykmeldingLedger, SykmeldingLedger> Change, DateOnly End)[]
        {
            ("received", l => l.Receive(Sm("sm-2", Day(31), Day(60))), Day(60)),
            ("corrected", l => l.Correct(Sm("sm-1", Day(1), Day(45))), Day(45)),
            ("friskmeldt", l => l.Friskmeld(Day(21)), Day(20)),
        };
        foreach (var (what, change, end) in changes)
        {
            var changed = change(asked);
            Assert.True(Assert.Single(changed.Tilfeller()).End == end, $"{what}: the tilfelle should end on {end}");
        }

        Assert.Empty(asked.Withdraw("sm-1").Tilfeller());
        Assert.Equal(Day(30), Assert.Single(asked.Tilfeller()).End);
    }

    [Fact]
    public void M1_a_case_asked_for_its_maksdato_and_then_changed_answers_for_the_changed_tilfelle()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(30)));
        scenario.Receive(Sm("sm-2", Day(31), Day(200)), receivedOn: Day(1));
        var before = scenario.State.Maksdato;

        scenario.Apply(new SykmeldingAvbrutt("avbrutt-1", On(Day(2)), "sm-1"));

        var fresh = new CaseScenario();
        fresh.Receive(Sm("sm-2", Day(31), Day(200)), receivedOn: Day(1));
        Assert.NotEqual(before, scenario.State.Maksdato);
        Assert.Equal(fresh.State.Maksdato, scenario.State.Maksdato);
    }

    [Fact]
    public void M2_two_cases_with_the_same_sykmeldinger_but_other_earlier_tilfeller_keep_their_own_maksdato()
    {
        var earlier = SykmeldingLedger.Empty.Receive(Sm("old", S.AddDays(-100), S.AddDays(-40))).Tilfeller();
        var withEarlier = new CaseScenario(CaseState.Open(earlierTilfeller: earlier));
        var without = new CaseScenario();
        foreach (var scenario in new[] { without, withEarlier })
        {
            scenario.Receive(Sm("sm-1", Day(1), Day(300)));
        }

        Assert.True(withEarlier.State.Maksdato < without.State.Maksdato);
    }

    [Fact]
    public void What_is_remembered_is_no_part_of_the_state_s_json()
    {
        var asked = new CaseScenario();
        var notAsked = new CaseScenario();
        foreach (var scenario in new[] { asked, notAsked })
        {
            scenario.Receive(Sm("sm-1", Day(1), Day(100)));
        }

        _ = asked.State.Maksdato;
        _ = asked.State.NextWakeUp;

        Assert.Equal(JsonSerializer.Serialize(notAsked.State), JsonSerializer.Serialize(asked.State));
    }
}
