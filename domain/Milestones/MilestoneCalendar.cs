using System.Collections.Immutable;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Domain.Milestones;

/// <summary>
/// Every milestone of a rule set for one case on one day: due date, whether it applies, whether it is satisfied,
/// and its result. Pure: the same facts, fired milestones and day give the same calendar.
/// </summary>
public sealed record MilestoneCalendar(ImmutableArray<MilestoneStatus> Milestones)
{
    /// <param name="facts">Null while the case has no sick days.</param>
    /// <param name="fired">Milestones already fired in this case, with the date: final whatever the facts say now.</param>
    /// <param name="isClosed">A closed case fires nothing more: what has not fired is cancelled.</param>
    public static MilestoneCalendar Evaluate(
        RuleSet ruleSet,
        MilestoneFacts? facts,
        IReadOnlyDictionary<string, DateOnly> fired,
        DateOnly today,
        bool isClosed)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(fired);
        return new(ruleSet.Milestones.Select(rule => Status(rule, facts, fired, today, isClosed)).ToImmutableArray());
    }

    /// <summary>Milestones the case must fire now.</summary>
    public IEnumerable<MilestoneStatus> DueNow => Milestones.Where(m => m.IsDueNow);

    /// <summary>The instant the next pending milestone falls due (start of its date in Norway), or null.</summary>
    public DateTimeOffset? NextDue =>
        Milestones.Where(m => m is { Result: MilestoneResult.Pending, Due: not null })
            .Select(m => m.Due!.Value)
            .Order()
            .Select(d => (DateTimeOffset?)NorwegianTime.StartOf(d))
            .FirstOrDefault();

    public MilestoneStatus this[string code] => Milestones.Single(m => m.Code == code);

    private static MilestoneStatus Status(
        MilestoneRule rule, MilestoneFacts? facts, IReadOnlyDictionary<string, DateOnly> fired, DateOnly today, bool isClosed)
    {
        if (facts is null)
        {
            var result = fired.TryGetValue(rule.Code, out var on) ? MilestoneResult.Fired
                : isClosed ? MilestoneResult.Cancelled : MilestoneResult.Pending;
            return new(rule.Code, null, false, false, result, result == MilestoneResult.Fired ? on : null, false);
        }

        var due = rule.Due.DueDate(facts);
        var applies = rule.Applies(facts, due);
        var satisfied = rule.IsSatisfied(facts, due);
        if (fired.TryGetValue(rule.Code, out var firedOn))
        {
            return new(rule.Code, due, applies, satisfied, MilestoneResult.Fired, firedOn, false);
        }

        var open = (applies, satisfied, isClosed) switch
        {
            (false, _, _) => MilestoneResult.NotApplicable,
            (_, true, _) => MilestoneResult.Satisfied,
            (_, _, true) => MilestoneResult.Cancelled,
            _ => MilestoneResult.Pending,
        };
        return new(rule.Code, due, applies, satisfied, open, null, open == MilestoneResult.Pending && due <= today);
    }
}
