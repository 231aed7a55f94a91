using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Worker.Forecast;

/// <summary>How many notices and veileder tasks of each code each rule set decides, per week of the tilfelle.</summary>
public sealed class ForecastTally(IReadOnlyList<string> ruleSets)
{
    /// <summary>Weeks from this one on are counted together ("52+"): maksdato falls about then.</summary>
    public const int LastWeek = 52;

    private readonly Dictionary<ForecastRow, long[]> counts = [];

    public IReadOnlyList<string> RuleSets { get; } = ruleSets;

    public long People { get; private set; }

    /// <summary>Cases per rule set (a person's history may hold several tilfeller).</summary>
    public long[] Cases { get; } = new long[ruleSets.Count];

    public void CountPerson() => People++;

    public void Add(int ruleSet, IEnumerable<CaseState> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        foreach (var state in cases)
        {
            Cases[ruleSet]++;
            var start = state.Tilfelle?.Start;
            foreach (var effect in state.Effects)
            {
                var row = new ForecastRow(WeekOf(start, effect.On), effect.Kind, effect.Code);
                if (!counts.TryGetValue(row, out var perRuleSet))
                {
                    counts[row] = perRuleSet = new long[RuleSets.Count];
                }

                perRuleSet[ruleSet]++;
            }
        }
    }

    /// <summary>Adds another tally of the same rule sets (another core's share of the population).</summary>
    public void Add(ForecastTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.RuleSets.SequenceEqual(RuleSets))
        {
            throw new ArgumentException("a tally of other rule sets", nameof(other));
        }

        People += other.People;
        for (var i = 0; i < Cases.Length; i++)
        {
            Cases[i] += other.Cases[i];
        }

        foreach (var (row, theirs) in other.counts)
        {
            if (!counts.TryGetValue(row, out var ours))
            {
                counts[row] = ours = new long[RuleSets.Count];
            }

            for (var i = 0; i < ours.Length; i++)
            {
                ours[i] += theirs[i];
            }
        }
    }

    /// <summary>Week 1 is days 1–7 of the tilfelle (T2). An effect of a run that never had a sick day counts in
    /// week 1.</summary>
    public static int WeekOf(DateOnly? start, DateOnly on) =>
        start is { } s ? Math.Clamp(((on.DayNumber - s.DayNumber) / 7) + 1, 1, LastWeek) : 1;

    /// <summary>Every row with a count, by week, kind and code.</summary>
    public IEnumerable<(ForecastRow Row, long[] Counts)> Rows =>
        counts.OrderBy(c => c.Key.Week).ThenBy(c => c.Key.Kind).ThenBy(c => c.Key.Code, StringComparer.Ordinal)
            .Select(c => (c.Key, c.Value));

    /// <summary>Every kind and code over all weeks.</summary>
    public IEnumerable<(EffectKind Kind, string Code, long[] Counts)> Totals =>
        counts.GroupBy(c => (c.Key.Kind, c.Key.Code))
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => (g.Key.Kind, g.Key.Code, Enumerable.Range(0, RuleSets.Count).Select(i => g.Sum(c => c.Value[i])).ToArray()));
}

/// <summary>One line of the forecast: effects of one kind and code decided in one week of the tilfelle.</summary>
public sealed record ForecastRow(int Week, EffectKind Kind, string Code);
