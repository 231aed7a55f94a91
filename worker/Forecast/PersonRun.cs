using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Time;
using Sykefravaer.Worker.Simulation;

namespace Sykefravaer.Worker.Forecast;

/// <summary>
/// One person's history through the pure domain under one rule set, as the workflow drives it but without Temporal
/// or a store: each event at its <c>at</c>, a wake-up at every <see cref="CaseState.NextWakeUp"/> in between, a new
/// case when the last one has closed (its tilfelle then counts as earlier, M2 and GJENTAKENDE_SYKEFRAVAER), the
/// closed case continued when an event belongs to it (<see cref="CaseState.Continues"/>), and sykmeldinger for a
/// later tilfelle carried to the next case.
/// </summary>
/// <remarks>
/// As the workflow's run, a case that has no sick day after an event (an oppfølgingsplan or møtebehov before the
/// first sykmelding, or every sykmelding withdrawn) ends there, and what it received goes with it; a rejected event
/// is skipped, as the workflow drops it.
/// </remarks>
public sealed class PersonRun
{
    // The workflow reads the person's earlier tilfeller of the last 4 years when a case starts.
    private const int EarlierTilfellerYears = 4;

    private readonly string ruleSetVersion;
    private readonly DateOnly? birthDate;
    private readonly List<CaseState> closed = [];
    private CaseState? current;

    private PersonRun(string ruleSetVersion, DateOnly? birthDate)
    {
        this.ruleSetVersion = ruleSetVersion;
        this.birthDate = birthDate;
    }

    /// <summary>Every case of the person, oldest first, as it stands at the start of <c>until</c>.</summary>
    public static IReadOnlyList<CaseState> Cases(SimulationInput history, string ruleSetVersion)
    {
        ArgumentNullException.ThrowIfNull(history);
        var run = new PersonRun(ruleSetVersion, history.BirthDate);
        foreach (var e in history.Events)
        {
            run.WakeUntil(e.At);
            run.Receive(e);
        }

        run.WakeUntil(NorwegianTime.StartOf(history.Until));
        return run.current is null ? run.closed : [.. run.closed, run.current];
    }

    private void WakeUntil(DateTimeOffset until)
    {
        for (var guard = 0; current?.NextWakeUp is { } wake && wake <= until; guard++)
        {
            if (guard > 10_000)
            {
                throw new InvalidOperationException("a case's next wake-up does not move forward");
            }

            current = current.Advance(wake).State;
            FinishIfClosed(wake);
        }

        if (current is not null)
        {
            current = current.Advance(until).State;
            FinishIfClosed(until);
        }
    }

    private void FinishIfClosed(DateTimeOffset now)
    {
        if (current is not { IsClosed: true } done)
        {
            return;
        }

        closed.Add(done);
        current = null;
        var carryOver = done.CarryOver;
        if (done.Outcome == CaseOutcome.Dod || carryOver.IsEmpty)
        {
            return;
        }

        var earlier = done.Tilfelle is { } tilfelle ? done.EarlierTilfeller.Add(tilfelle) : done.EarlierTilfeller;
        current = CaseState.Open(ruleSetVersion, birthDate, earlier);
        var carried = carryOver.Select(s => (CaseEvent)new SykmeldingMottatt(s.Id, now, s))
            .Concat(done.CarryOverFriskmeldinger.Select(d => new FriskmeldingMottatt($"carried-friskmelding-{d:yyyy-MM-dd}", now, d)));
        foreach (var e in carried)
        {
            Apply(e, now);
        }
    }

    private void Receive(CaseEvent e)
    {
        if (current is null)
        {
            // The workflow remembers only cases that had sick days (RecordClosedCaseAsync), so only those continue.
            var last = closed.LastOrDefault(c => c.Tilfelle is not null);
            if (last is not null && last.Continues(e))
            {
                closed.Remove(last);
                current = last;
            }
            else
            {
                current = CaseState.Open(ruleSetVersion, birthDate, EarlierTilfeller(NorwegianTime.DateOf(e.At)));
            }
        }

        Apply(e, e.At);
        if (current is { Tilfelle: null } withoutSickDays)
        {
            // Notices and tasks sent before every sykmelding was withdrawn were sent all the same: they count.
            if (!withoutSickDays.Effects.IsEmpty)
            {
                closed.Add(withoutSickDays);
            }

            current = null;
        }
    }

    private void Apply(CaseEvent e, DateTimeOffset now)
    {
        try
        {
            current = current!.Apply(e, now).State;
        }
        catch (InvalidInputException)
        {
            return; // the workflow logs and drops an event that cannot be true; so does the forecast
        }

        FinishIfClosed(now);
    }

    private List<Oppfolgingstilfelle> EarlierTilfeller(DateOnly today) =>
        [.. closed.Select(c => c.Tilfelle).OfType<Oppfolgingstilfelle>().Where(t => t.End >= today.AddYears(-EarlierTilfellerYears))];
}
