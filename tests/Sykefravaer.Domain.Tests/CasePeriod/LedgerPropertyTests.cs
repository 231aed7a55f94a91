using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sykefravaer.Domain.CasePeriod;

namespace Sykefravaer.Domain.Tests.CasePeriod;

/// <summary>T1/T6 invariants: arrival order does not matter, and every event is idempotent.</summary>
public class LedgerPropertyTests
{
    [Property(MaxTest = 300)]
    public Property T6_the_same_sykmeldinger_in_any_order_give_the_same_tilfeller() =>
        Prop.ForAll(
            LedgerGenerators.CommutingEvents
                .SelectMany(events => Gen.Shuffle(events.ToArray()), (events, shuffled) => (events, shuffled))
                .ToArbitrary(),
            pair =>
            {
                var inOrder = Apply(pair.events);
                var shuffled = Apply(pair.shuffled);
                return inOrder.Equals(shuffled) && inOrder.Tilfeller().SequenceEqual(shuffled.Tilfeller());
            });

    [Property(MaxTest = 300)]
    public Property T6_applying_an_event_twice_equals_applying_it_once() =>
        Prop.ForAll(
            LedgerGenerators.HistoryAndNext.ToArbitrary(),
            scenario =>
            {
                var once = scenario.Next.ApplyTo(Apply(scenario.History));
                var twice = scenario.Next.ApplyTo(once);
                return once.Equals(twice) && once.Tilfeller().SequenceEqual(twice.Tilfeller());
            });

    [Property(MaxTest = 300)]
    public Property T1_tilfeller_are_chronological_with_non_overlapping_spans_and_split_only_at_16_days() =>
        Prop.ForAll(
            LedgerGenerators.CommutingEvents.ToArbitrary(),
            events =>
            {
                var tilfeller = Apply(events).Tilfeller();
                var spans = tilfeller.SelectMany(t => t.Spans).ToList();
                var ordered = spans.Zip(spans.Skip(1)).All(p => p.First.Periode.Tom < p.Second.Periode.Fom);
                var splitsAreLongGaps = tilfeller.Zip(tilfeller.Skip(1))
                    .All(p => p.Second.Start.DayNumber - p.First.End.DayNumber - 1 >= GapRule.NonSickDaysThatSplit);
                var insideAreShortGaps = tilfeller.All(t => t.Spans.Zip(t.Spans.Skip(1))
                    .All(p => GapRule.Continues(p.First.Periode.Tom, p.Second.Periode.Fom)));
                return ordered && splitsAreLongGaps && insideAreShortGaps;
            });

    private static SykmeldingLedger Apply(IEnumerable<LedgerEvent> events) =>
        events.Aggregate(SykmeldingLedger.Empty, (ledger, e) => e.ApplyTo(ledger));
}
