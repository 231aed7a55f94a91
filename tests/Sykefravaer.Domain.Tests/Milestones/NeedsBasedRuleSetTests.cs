using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Domain.Tests.Cases;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Domain.Tests.Cases.CaseScenario;
using static Sykefravaer.Domain.Tests.Recurrence.Tilfeller;

namespace Sykefravaer.Domain.Tests.Milestones;

/// <summary>Rule set 2027-behov: DIALOGMOTE2_KANDIDAT only with a risk signal; 2026 makes everyone a candidate.
/// Each test runs the same tilfelle (sick S..S+199, with employer) under both.</summary>
public class NeedsBasedRuleSetTests
{
    private static readonly OppfolgingsplanDelt PlanInWeek3 = new("op-1", On(SPlus(20)), PlanMottaker.Sykmelder);

    [Fact]
    public void DIALOGMOTE2_KANDIDAT_without_a_risk_signal_only_the_2026_rule_set_creates_the_task()
    {
        Assert.True(Candidate(RuleSets.V2026, PlanInWeek3));
        Assert.False(Candidate(RuleSets.V2027Behov, PlanInWeek3));
    }

    [Fact]
    public void DIALOGMOTE2_KANDIDAT_a_motebehov_is_a_risk_signal()
    {
        var motebehov = new MotebehovMeldt("mb-1", On(SPlus(60)), MotebehovFra.Arbeidsgiver, HarBehov: true);

        Assert.True(Candidate(RuleSets.V2026, PlanInWeek3, motebehov));
        Assert.True(Candidate(RuleSets.V2027Behov, PlanInWeek3, motebehov));
    }

    [Fact]
    public void DIALOGMOTE2_KANDIDAT_a_motebehov_answered_no_need_is_not_a_risk_signal()
    {
        var noNeed = new MotebehovMeldt("mb-1", On(SPlus(60)), MotebehovFra.Arbeidstaker, HarBehov: false);

        Assert.False(Candidate(RuleSets.V2027Behov, PlanInWeek3, noNeed));
    }

    [Fact]
    public void DIALOGMOTE2_KANDIDAT_no_oppfolgingsplan_at_all_is_a_risk_signal()
    {
        Assert.True(Candidate(RuleSets.V2026));
        Assert.True(Candidate(RuleSets.V2027Behov));
    }

    [Theory]
    [InlineData(56, false)] // shared by week 8: no signal
    [InlineData(57, true)] // a day late
    public void DIALOGMOTE2_KANDIDAT_an_oppfolgingsplan_shared_after_S_plus_56_is_still_a_risk_signal(int sharedOn, bool expected)
    {
        var plan = new OppfolgingsplanDelt("op-1", On(SPlus(sharedOn)), PlanMottaker.Nav);

        Assert.True(Candidate(RuleSets.V2026, plan));
        Assert.Equal(expected, Candidate(RuleSets.V2027Behov, plan));
    }

    [Fact]
    public void DIALOGMOTE2_KANDIDAT_gjentakende_sykefravaer_is_a_risk_signal()
    {
        // With this case's 200 sick days, one earlier tilfelle of 101 makes two with over 300 days.
        var gjentakende = new[] { Ending(S.AddMonths(-10), 101) };
        var notQuite = new[] { Ending(S.AddMonths(-10), 100) };

        Assert.True(Candidate(RuleSets.V2026, gjentakende, PlanInWeek3));
        Assert.True(Candidate(RuleSets.V2027Behov, gjentakende, PlanInWeek3));
        Assert.False(Candidate(RuleSets.V2027Behov, notQuite, PlanInWeek3));
    }

    [Fact]
    public void DIALOGMOTE2_KANDIDAT_earlier_tilfeller_that_ended_over_36_months_before_the_due_date_are_no_signal()
    {
        var dueDate = SPlus(119);
        var longAgo = new[] { Ending(dueDate.AddMonths(-36).AddDays(-1), 200) };
        var justInside = new[] { Ending(dueDate.AddMonths(-36), 200) };

        Assert.False(Candidate(RuleSets.V2027Behov, longAgo, PlanInWeek3));
        Assert.True(Candidate(RuleSets.V2027Behov, justInside, PlanInWeek3));
    }

    [Fact]
    public void DIALOGMOTE2_KANDIDAT_a_risk_signal_gives_no_candidacy_without_an_employer()
    {
        var scenario = new CaseScenario(CaseState.Open(RuleSets.V2027Behov));
        scenario.Receive(Sm("sm-1", Day(1), SPlus(199), orgnr: null));
        scenario.RunUntil(SPlus(130));

        Assert.DoesNotContain(Dialogmote2Kandidat, scenario.FiredCodes);
    }

    [Fact]
    public void DIALOGMOTE2_KANDIDAT_a_risk_signal_learned_after_week_17_makes_the_candidate_at_once()
    {
        var scenario = Run(RuleSets.V2027Behov, [], [PlanInWeek3]);
        Assert.DoesNotContain(Dialogmote2Kandidat, scenario.FiredCodes);

        scenario.Apply(new MotebehovMeldt("mb-1", On(SPlus(140)), MotebehovFra.Arbeidstaker, HarBehov: true));

        Assert.Equal(SPlus(140), scenario.State.FiredMilestones[Dialogmote2Kandidat]);
    }

    [Fact]
    public void The_2027_behov_rule_set_adds_KARTLEGGING_changes_DIALOGMOTE2_KANDIDAT_and_SNART_SLUTT_and_is_not_the_default()
    {
        var current = RuleSets.Current.Milestones.ToDictionary(m => m.Code);
        var added = RuleSets.Behov2027.Milestones.Where(m => !current.ContainsKey(m.Code)).Select(m => m.Code);
        var changed = RuleSets.Behov2027.Milestones
            .Where(m => current.TryGetValue(m.Code, out var before) && before != m)
            .Select(m => m.Code);

        Assert.Equal([Kartlegging], added);
        Assert.Equal([Dialogmote2Kandidat, SnartSluttSykepenger], changed);
        Assert.True(RuleSets.Behov2027.RequestFeedback);
        Assert.False(RuleSets.Current.RequestFeedback);
        Assert.Equal(RuleSets.V2026, RuleSets.Default.Version);
        Assert.Same(RuleSets.Behov2027, RuleSets.Get("2027-behov"));
    }

    [Fact]
    public void The_case_knows_whether_the_person_has_gjentakende_sykefravaer_counting_its_own_tilfelle()
    {
        var earlier = Ending(S.AddMonths(-10), 101);
        var scenario = new CaseScenario(CaseState.Open(RuleSets.V2026, earlierTilfeller: [earlier]));
        scenario.Receive(Sm("sm-1", Day(1), Day(199)));
        Assert.False(scenario.State.HasGjentakendeSykefravaer(Day(1)), "300 sick days in all: not over 300");

        scenario.Receive(Sm("sm-2", Day(200), Day(200)), receivedOn: Day(150));

        Assert.True(scenario.State.HasGjentakendeSykefravaer(Day(150)));
    }

    [Fact]
    public void The_case_counts_an_earlier_copy_of_its_own_tilfelle_once()
    {
        // A closed case continued by a late sykmelding: the store still holds the tilfelle as it was at the close.
        var scenario = new CaseScenario(CaseState.Open(RuleSets.V2026, earlierTilfeller: [Ending(Day(160), 160)]));
        scenario.Receive(Sm("sm-1", Day(1), Day(200)));

        Assert.False(scenario.State.HasGjentakendeSykefravaer(Day(100)));
    }

    private static bool Candidate(string version, params CaseEvent[] events) => Candidate(version, [], events);

    private static bool Candidate(string version, Oppfolgingstilfelle[] earlier, params CaseEvent[] events)
    {
        var scenario = Run(version, earlier, events);
        var tasks = scenario.Effects.Where(e => e is { Code: Dialogmote2Kandidat, Kind: EffectKind.Task }).ToList();
        Assert.True(tasks.Count <= 1, "one candidacy at most");
        Assert.Equal(tasks.Count == 1, scenario.FiredCodes.Contains(Dialogmote2Kandidat));
        return tasks.Count == 1;
    }

    private static CaseScenario Run(string version, Oppfolgingstilfelle[] earlier, CaseEvent[] events)
    {
        var scenario = new CaseScenario(CaseState.Open(version, earlierTilfeller: earlier));
        scenario.Receive(Sm("sm-1", Day(1), SPlus(199)));
        foreach (var e in events)
        {
            scenario.Apply(e);
        }

        scenario.RunUntil(SPlus(130));
        return scenario;
    }
}
