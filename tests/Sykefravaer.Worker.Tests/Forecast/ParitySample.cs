using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Worker.Forecast;
using Sykefravaer.Worker.Simulation;

namespace Sykefravaer.Worker.Tests.Forecast;

/// <summary>
/// A few synthetic people of every shape the generator makes (<see cref="SyntheticPopulation"/>, a fixed seed): more
/// than one tilfelle, no employer, gradert, a møtebehov, a DIALOGMOTE2_KANDIDAT, a case to week 39 or maksdato, a
/// short one, answers to the 2027-behov questions, so that a comparison over them reaches every rule the population
/// reaches.
/// </summary>
internal static class ParitySample
{
    private const int PerShape = 4;

    public static IReadOnlyList<(string Shape, SimulationInput Person)> Synthetic(int seed, int from)
    {
        var shapes = new (string Name, Func<SimulationInput, IReadOnlyList<CaseState>, bool> Has)[]
        {
            ("snartSluttSvar", (p, _) => p.Events.OfType<SnartSluttSvarMottatt>().Any()),
            ("kartleggingSvar", (p, _) => p.Events.OfType<KartleggingSvarMottatt>().Any()),
            ("several tilfeller", (_, cases) => cases.Count > 1),
            ("no employer", (p, _) => Sykmeldinger(p).Any(s => s.Arbeidsgiver is null)),
            ("gradert", (p, _) => Sykmeldinger(p).Any(s => s.Grad.Percent < 100)),
            ("møtebehov", (p, _) => p.Events.OfType<MotebehovMeldt>().Any()),
            ("DIALOGMOTE2_KANDIDAT", (_, cases) => Fired(cases, "DIALOGMOTE2_KANDIDAT")),
            ("SNART_SLUTT_SYKEPENGER", (_, cases) => Fired(cases, "SNART_SLUTT_SYKEPENGER")),
            ("short", (_, cases) => cases.All(c => c.Effects.IsEmpty)),
        };
        var taken = new List<(string, SimulationInput)>();
        foreach (var person in SyntheticPopulation.Generate(from, seed))
        {
            var cases = PersonRun.Cases(person, "2026");
            var shape = shapes.FirstOrDefault(s => s.Has(person, cases) && taken.Count(t => t.Item1 == s.Name) < PerShape);
            if (shape.Name is not null)
            {
                taken.Add((shape.Name, person));
            }
        }

        return taken;
    }

    private static IEnumerable<Sykmelding> Sykmeldinger(SimulationInput person) =>
        person.Events.OfType<SykmeldingMottatt>().Select(s => s.Sykmelding);

    private static bool Fired(IReadOnlyList<CaseState> cases, string code) =>
        cases.Any(c => c.Effects.Any(e => e.Code == code));
}
