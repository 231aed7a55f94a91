using System.Diagnostics;
using System.Globalization;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Sykepenger;
using Sykefravaer.Domain.Time;

namespace CaseThroughput.Benchmark;

/// <summary>
/// The same full-year cases through the pure domain alone, stepped as the workflow steps them: each event applied
/// when it is sent, each wake-up advanced to, and after every step the reads the workflow makes (tilfelle, closing
/// day, maksdato, calendar, next wake-up, carry-over).
/// </summary>
/// <remarks>
/// The baseline, measured in the same run on the same states, is one derivation from scratch per step: a fresh
/// ledger's tilfeller and their maksdato. A step then costs "so many derivations": about 1 when the domain derives
/// once per state however often it is asked, several when it re-derives on every read. The ratio, not the
/// microseconds, is what carries across machines.
/// </remarks>
public static class DomainRun
{
    public static int Run(int cases)
    {
        // Warm-up, so that the JIT's tiers do not land in either measurement; then rounds that alternate the two
        // measurements and keep the fastest of each, so that a neighbour's burst of load does not decide the ratio.
        _ = StepAll(Math.Min(cases, 20), out _);

        const int Rounds = 3;
        var stepsTime = TimeSpan.MaxValue;
        var baselineTime = TimeSpan.MaxValue;
        List<CaseState> states = [];
        var closedAtMaksdato = 0;
        var checksum = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            states = StepAll(cases, out closedAtMaksdato);
            stepsTime = Min(stepsTime, watch.Elapsed);

            watch.Restart();
            checksum = states.Sum(DeriveFromScratch);
            baselineTime = Min(baselineTime, watch.Elapsed);
        }

        var perStep = stepsTime.TotalMicroseconds / states.Count;
        var perDerivation = baselineTime.TotalMicroseconds / states.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Full-year cases through the pure domain ({Environment.ProcessorCount} cores, {Environment.OSVersion}, one thread, fastest of {Rounds} rounds)
              cases                 {cases} ({closedAtMaksdato} closed at MAKSDATO)
              steps                 {states.Count} ({(double)states.Count / cases:F1} per case), {stepsTime.TotalSeconds:F2} s, {states.Count / stepsTime.TotalSeconds:F0} steps/s
              one step              {perStep:F1} µs
              baseline              {perDerivation:F1} µs: tilfeller and maksdato derived once from scratch on the same states (checksum {checksum})
              step / baseline       x{perStep / perDerivation:F2}
              allocated             {GC.GetTotalAllocatedBytes() / 1_048_576.0:F0} MiB in all
            """));
        return closedAtMaksdato == cases ? 0 : 1;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static List<CaseState> StepAll(int cases, out int closedAtMaksdato)
    {
        var states = new List<CaseState>();
        closedAtMaksdato = 0;
        for (var i = 0; i < cases; i++)
        {
            var last = StepOneCase(new DateOnly(2026, 1, 5).AddDays(i % 365), states);
            closedAtMaksdato += last.Outcome == CaseOutcome.Maksdato ? 1 : 0;
        }

        return states;
    }

    private static CaseState StepOneCase(DateOnly start, List<CaseState> states)
    {
        var events = FullYearCase.Events(start);
        var state = CaseState.Open(birthDate: new DateOnly(1980, 5, 17));
        var next = 0;
        while (!state.IsClosed)
        {
            var eventAt = next < events.Count ? events[next].Event.At : (DateTimeOffset?)null;
            var wakeUp = state.NextWakeUp;
            DateTimeOffset now;
            if (eventAt is { } at && (wakeUp is null || at <= wakeUp))
            {
                now = at;
                state = state.Apply(events[next++].Event, now).State;
            }
            else if (wakeUp is { } due)
            {
                now = due;
            }
            else
            {
                break;
            }

            state = state.Advance(now).State;
            ReadAsTheWorkflowDoes(state, now);
            states.Add(state);
        }

        return state;
    }

    private static void ReadAsTheWorkflowDoes(CaseState state, DateTimeOffset now)
    {
        _ = state.Tilfelle;
        _ = state.ClosesOn;
        _ = state.Maksdato;
        _ = state.Milestones(now).DueNow.Count();
        _ = state.NextWakeUp;
        _ = state.CarryOver;
    }

    private static int DeriveFromScratch(CaseState state)
    {
        var ledger = state.Sykmeldinger.Sykmeldinger.Values.Aggregate(SykmeldingLedger.Empty, (l, s) => l.Receive(s));
        ledger = state.Sykmeldinger.Friskmeldinger.Aggregate(ledger, (l, d) => l.Friskmeld(d));
        var tilfeller = ledger.Tilfeller();
        if (tilfeller.IsEmpty)
        {
            return 0;
        }

        var maksdato = Maksdato.Calculate(state.EarlierTilfeller.Add(tilfeller[0]), tilfeller[0].End, state.BirthDate).Maksdato;
        return tilfeller.Length + maksdato.Day;
    }
}
