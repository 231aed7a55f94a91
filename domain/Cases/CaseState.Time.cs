using System.Collections.Immutable;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Domain.Cases;

/// <summary>The passing of time: milestones falling due and the case closing (T6, T7).</summary>
public sealed partial record CaseState
{
    /// <summary>
    /// Moves the case to <paramref name="now"/>: fires every milestone that is due and closes the case when T7
    /// says so. Returns only the effects decided by this step; calling it again with the same instant decides
    /// nothing new.
    /// </summary>
    /// <remarks>
    /// Behaves as if the workflow had woken at every due moment since the last advance. A milestone that fell due
    /// since then, before the closing day, fires even if the case closes in this same step (the worker was merely
    /// late). One that was already overdue at the last advance (T6: learned of late) fires only while the case is
    /// still open now. Nothing fires after the case has closed.
    /// </remarks>
    public CaseDecision Advance(DateTimeOffset now)
    {
        var lastDay = AdvancedTo is { } previous ? NorwegianTime.DateOf(previous) : (DateOnly?)null;
        var state = this with { AdvancedTo = AdvancedTo > now ? AdvancedTo : now };
        if (IsClosed || Tilfelle is not { } tilfelle)
        {
            return new(state, []);
        }

        var today = NorwegianTime.DateOf(now);
        var closesOn = ClosesOnFor(tilfelle);
        var closing = today >= closesOn;
        var facts = FactsFor(tilfelle);
        var due = CalendarFor(tilfelle, today).DueNow
            .Where(m => !closing || (m.Due < closesOn && m.Due > lastDay))
            .Select(m => RuleSet[m.Code])
            .OrderBy(rule => rule.Due.DueDate(facts))
            .ThenBy(rule => rule.ClosesCase); // a closing milestone last among those due the same day

        var effects = ImmutableArray.CreateBuilder<Effect>();
        foreach (var rule in due)
        {
            var (next, fired) = state.Fire(rule, rule.Due.DueDate(facts), facts, today);
            state = next;
            effects.AddRange(fired);
            if (state.IsClosed)
            {
                return new(state, effects.ToImmutable());
            }
        }

        // F3: a svarfrist that passed while the case was open still creates its "vurder stans" task.
        var aktivitetskrav = state.Aktivitetskrav.Advance(closing ? closesOn.AddDays(-1) : today);
        state = state with { Aktivitetskrav = aktivitetskrav.Process, Effects = state.Effects.AddRange(aktivitetskrav.Effects) };
        effects.AddRange(aktivitetskrav.Effects);

        // SNART_SLUTT_IKKE_SVART: the same for questions whose answer did not come in time.
        var unanswered = state.UnansweredUntil(closing ? closesOn.AddDays(-1) : today);
        state = unanswered.State;
        effects.AddRange(unanswered.Effects);

        return new(closing ? state.Close(CaseOutcome.Friskmeldt, closesOn) : state, effects.ToImmutable());
    }

    /// <summary>Ends the case: nothing fires after this, and pending milestones become cancelled.</summary>
    private CaseState Close(CaseOutcome outcome, DateOnly on) => this with { Outcome = outcome, ClosedOn = on };
}
