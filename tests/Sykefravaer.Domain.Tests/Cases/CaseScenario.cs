using System.Collections.Immutable;
using System.Text.Json;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Domain.Tests.Cases;

/// <summary>
/// Drives a case the way the workflow will: each event at its instant, and in between a wake-up at every
/// <see cref="CaseState.NextWakeUp"/>. Collects every effect, so tests can compare the returned effects with the
/// case's own timeline. Day 1 is <see cref="S"/>, a Monday.
/// </summary>
internal sealed class CaseScenario
{
    public const string Orgnr = "974652269";

    public static readonly DateOnly S = new(2024, 1, 1);

    public CaseScenario(CaseState? start = null) => State = start ?? CaseState.Open();

    public CaseState State { get; private set; }

    public List<Effect> Effects { get; } = [];

    /// <summary>"Day N" = S + N − 1.</summary>
    public static DateOnly Day(int n) => S.AddDays(n - 1);

    /// <summary>S + offset, as in the milestone table.</summary>
    public static DateOnly SPlus(int offset) => S.AddDays(offset);

    /// <summary>Mid-morning in Norway on <paramref name="date"/>.</summary>
    public static DateTimeOffset On(DateOnly date) => NorwegianTime.StartOf(date).AddHours(9);

    public static Sykmelding Sm(string id, DateOnly fom, DateOnly tom, int grad = 100, string? orgnr = Orgnr) =>
        new(id, Periode.Of(fom, tom), Grad.Of(grad), orgnr is null ? null : Organisasjonsnummer.Parse(orgnr));

    /// <summary>Lets time pass up to <paramref name="until"/>, waking at each NextWakeUp, then applies the event.</summary>
    public ImmutableArray<Effect> Apply(CaseEvent e, DateTimeOffset? at = null)
    {
        var now = at ?? e.At;
        RunUntil(now);
        var decision = State.Apply(e, now);
        return Take(decision);
    }

    public ImmutableArray<Effect> Receive(Sykmelding sykmelding, DateOnly? receivedOn = null) =>
        Apply(new SykmeldingMottatt($"event-{sykmelding.Id}", On(receivedOn ?? sykmelding.Periode.Fom), sykmelding));

    /// <summary>Wakes at every NextWakeUp up to <paramref name="until"/>, then advances to it.</summary>
    public ImmutableArray<Effect> RunUntil(DateTimeOffset until)
    {
        var before = Effects.Count;
        for (var guard = 0; State.NextWakeUp is { } wake && wake <= until; guard++)
        {
            Assert.True(guard < 1000, "NextWakeUp does not move forward");
            Take(State.Advance(wake));
        }

        Take(State.Advance(until));
        return [.. Effects.Skip(before)];
    }

    public ImmutableArray<Effect> RunUntil(DateOnly date) => RunUntil(On(date));

    public IEnumerable<string> FiredCodes => State.FiredMilestones.Keys;

    public static string Json(CaseState state) => JsonSerializer.Serialize(state);

    private ImmutableArray<Effect> Take(CaseDecision decision)
    {
        State = decision.State;
        Effects.AddRange(decision.Effects);
        return decision.Effects;
    }
}
