using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sykefravaer.Domain.Cases;
using static Sykefravaer.Domain.Tests.Cases.CaseScenario;

namespace Sykefravaer.Domain.Tests.Cases;

/// <summary>The invariants of RULES.md over random histories.</summary>
public class CasePropertyTests
{
    [Property(MaxTest = 150)]
    public Property Each_milestone_fires_at_most_once_and_nothing_is_decided_while_the_case_is_closed() =>
        Prop.ForAll(
            CaseGenerators.History.ToArbitrary(),
            events =>
            {
                var scenario = new CaseScenario();
                var decidedWhileClosed = false;
                foreach (var e in events.Append(new MotebehovMeldt("late", On(Day(600)), MotebehovFra.Arbeidstaker, true)))
                {
                    // Only a sykmelding that shows the close was premature (T6, T7) opens a closed case again.
                    var closedBefore = scenario.State.IsClosed;
                    var decided = scenario.Apply(e);
                    decidedWhileClosed |= closedBefore && scenario.State.IsClosed && !decided.IsEmpty;
                }

                var milestoneEffects = scenario.Effects.Where(e => e.Key.StartsWith("milestone:", StringComparison.Ordinal)).ToList();
                var firedOnce = milestoneEffects.GroupBy(e => e.Key).All(g => g.Count() == 1)
                    && milestoneEffects.GroupBy(e => e.Code).All(g => g.Select(e => e.On).Distinct().Count() == 1)
                    && milestoneEffects.Select(e => e.Code).Distinct().Order().SequenceEqual(scenario.State.FiredMilestones.Keys.Order());
                var keysUnique = scenario.Effects.Select(e => e.Key).Distinct().Count() == scenario.Effects.Count;
                var silentAfterClose = !decidedWhileClosed;
                return (firedOnce && keysUnique && silentAfterClose && scenario.Effects.SequenceEqual(scenario.State.Effects))
                    .Label($"fired once: {firedOnce}, unique keys: {keysUnique}, silent after close: {silentAfterClose}");
            });

    [Property(MaxTest = 150)]
    public Property T6_the_same_sykmeldinger_in_any_order_give_the_same_case() =>
        Prop.ForAll(
            (from count in Gen.Choose(1, 6)
             from sykmeldinger in Gen.CollectToList(Enumerable.Range(0, count), i => CaseGenerators.Sykmelding($"sm-{i}"))
             from shuffled in Gen.Shuffle(sykmeldinger.ToArray())
             select (sykmeldinger, shuffled)).ToArbitrary(),
            pair =>
            {
                var receivedAt = On(Day(1).AddDays(-30));
                var inOrder = CaseGenerators.Run(pair.sykmeldinger.Select(s => new SykmeldingMottatt(s.Id, receivedAt, s)));
                var shuffled = CaseGenerators.Run(pair.shuffled.Select(s => new SykmeldingMottatt(s.Id, receivedAt, s)));
                inOrder.RunUntil(Day(450));
                shuffled.RunUntil(Day(450));
                return Json(inOrder.State) == Json(shuffled.State) && inOrder.Effects.SequenceEqual(shuffled.Effects);
            });

    [Property(MaxTest = 150)]
    public Property Applying_an_event_twice_equals_applying_it_once() =>
        Prop.ForAll(
            (from history in CaseGenerators.History
             from next in CaseGenerators.EventOn(Day(1).AddDays(500))
             select (history, next)).ToArbitrary(),
            scenario =>
            {
                var state = CaseGenerators.Run(scenario.history).State;
                var once = state.Apply(scenario.next, scenario.next.At);
                var twice = once.State.Apply(scenario.next, scenario.next.At);
                return (Json(once.State) == Json(twice.State) && twice.Effects.IsEmpty).Label(scenario.next.ToString());
            });
}
