using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Time;
using Sykefravaer.Worker.Simulation;

namespace Sykefravaer.Worker.Forecast;

/// <summary>
/// Plausible case histories, the same for the same seed: one person each, a tilfelle starting in 2025 whose length
/// is skewed short (most sick leave lasts days or a few weeks; RULES.md "Scale": a third passes 6 weeks, one in seven
/// 17 weeks), most with an employer, some gradert, some with a møtebehov or an oppfølgingsplan shared (early or
/// late), and some with earlier tilfeller, enough for GJENTAKENDE_SYKEFRAVAER in a part of them. Those still sick
/// on day 42 or day 273 may answer the questions 2027-behov asks then (<see cref="SyntheticAnswers"/>; under a rule set
/// that does not ask, an answer decides nothing). Yielded one at a time, so a population of any size takes the memory
/// of one history.
/// </summary>
public static class SyntheticPopulation
{
    private static readonly Organisasjonsnummer[] Employers =
        [Organisasjonsnummer.Parse("974652269"), Organisasjonsnummer.Parse("889640782")];

    private static readonly DateOnly FirstStart = new(2025, 1, 1);

    public static IEnumerable<SimulationInput> Generate(int people, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(people);
        // System.Random with a seed gives the same sequence on every run of the same .NET: the determinism asked for.
#pragma warning disable CA5394 // not for security: a reproducible sample
        var random = new Random(seed);
        for (var person = 0; person < people; person++)
        {
            // The answers draw from a stream of their own, so the rest of a seed's population stays as it was; its
            // seed is fixed arithmetic (HashCode differs from process to process).
            var answers = new Random(unchecked((seed * 1_000_003) + person));
            yield return Person(random, answers, $"p{person}");
        }
#pragma warning restore CA5394
    }

#pragma warning disable CA5394
    private static SimulationInput Person(Random random, Random answers, string id)
    {
        var events = new List<CaseEvent>();
        var start = FirstStart.AddDays(random.Next(365));
        var employer = random.NextDouble() < 0.88 ? Employers[random.Next(Employers.Length)] : null;

        if (random.NextDouble() < 0.12)
        {
            EarlierTilfeller(random, id, start, employer, events);
        }

        var length = Length(random);
        var end = start.AddDays(length - 1);
        var gradertFrom = random.NextDouble() < 0.2 ? start.AddDays(random.Next(length)) : DateOnly.MaxValue;
        Sykmeldinger(random, $"{id}-sm", start, end, employer, gradertFrom, events);

        if (employer is not null && length > 20 && random.NextDouble() < 0.6)
        {
            var day = start.AddDays(10 + random.Next(Math.Min(length, 80) - 10));
            events.Add(new OppfolgingsplanDelt($"{id}-op", At(day), PlanMottaker.Sykmelder));
        }

        if (length > 40 && random.NextDouble() < 0.08)
        {
            var day = start.AddDays(20 + random.Next(Math.Min(length, 150) - 20));
            events.Add(new MotebehovMeldt($"{id}-mb", At(day), MotebehovFra.Arbeidstaker, HarBehov: true));
        }

        var birthDate = new DateOnly(1960, 1, 1).AddDays(random.Next(45 * 365));
        events.AddRange(SyntheticAnswers.For(answers, id, start, end));
        var until = events.Max(e => NorwegianTime.DateOf(e.At));
        return new SimulationInput(birthDate, [.. events.OrderBy(e => e.At)], until > end.AddDays(30) ? until : end.AddDays(30));
    }

    /// <summary>Days of sick leave: half within the arbeidsgiverperiode, a long tail to about a year.</summary>
    private static int Length(Random random) => random.NextDouble() switch
    {
        < 0.55 => 3 + random.Next(14),
        < 0.70 => 17 + random.Next(26),
        < 0.86 => 43 + random.Next(76),
        < 0.95 => 119 + random.Next(154),
        _ => 273 + random.Next(148),
    };

    /// <summary>One to five tilfeller in the three years before, 16–60 days each, two to eight months apart: short
    /// and frequent, so that the sykepengedager they use (M2) leave most of the year's quota.</summary>
    private static void EarlierTilfeller(
        Random random, string id, DateOnly before, Organisasjonsnummer? employer, List<CaseEvent> events)
    {
        var end = before.AddDays(-30 - random.Next(90));
        for (var i = random.Next(1, 6); i > 0 && end > before.AddYears(-3); i--)
        {
            var days = 16 + random.Next(45);
            var start = end.AddDays(1 - days);
            Sykmeldinger(random, $"{id}-e{i}", start, end, employer, DateOnly.MaxValue, events);
            end = start.AddDays(-60 - random.Next(180));
        }
    }

    /// <summary>Sykmeldinger of one to four weeks covering <paramref name="start"/>..<paramref name="end"/>, each
    /// received on its first day; gradert (50 %) from <paramref name="gradertFrom"/>.</summary>
    private static void Sykmeldinger(
        Random random, string id, DateOnly start, DateOnly end, Organisasjonsnummer? employer, DateOnly gradertFrom, List<CaseEvent> events)
    {
        var fom = start;
        for (var n = 1; fom <= end; n++)
        {
            var tom = fom.AddDays(6 + random.Next(22));
            tom = tom > end ? end : tom;
            var grad = fom >= gradertFrom ? Grad.Of(50) : Grad.Full;
            events.Add(new SykmeldingMottatt($"{id}{n}", At(fom), new Sykmelding($"{id}{n}", Periode.Of(fom, tom), grad, employer)));
            fom = tom.AddDays(1);
        }
    }
#pragma warning restore CA5394

    private static DateTimeOffset At(DateOnly day) => NorwegianTime.StartOf(day).AddHours(8);
}
