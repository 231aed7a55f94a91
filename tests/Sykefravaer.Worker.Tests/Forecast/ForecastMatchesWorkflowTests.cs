using Sykefravaer.Domain.Cases;
using Sykefravaer.Testing;
using Sykefravaer.Worker.Forecast;
using Sykefravaer.Worker.Simulation;
using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Worker.Tests.Forecast;

/// <summary>
/// The forecast is only worth its figures if it decides what the workflow decides. For a sample of people of every
/// shape, under 2026 and under 2027-behov, each person's effects per case (tilfelle start, day decided, kind, code,
/// recipient) as the forecast's <see cref="PersonRun"/> decides them must be those simulate prints for the same
/// history run through the real workflow and activities on the offline server.
/// </summary>
public sealed class ForecastMatchesWorkflowTests
{
    private static readonly string[] RuleSets = ["2026", "2027-behov"];

    /// <summary>Three tilfeller, each sykmelding received while the case before it is still open, so each later case
    /// is started by the one before it closing (carried over): a shape the generator does not make. S of the third
    /// is 2024-03-28; its plan is shared by week 8 and nobody asks for a meeting, so under 2027-behov it is no
    /// DIALOGMOTE2_KANDIDAT.</summary>
    private const string CarriedCases = """
        { "events": [
            { "at": "2024-01-02T08:00:00+01:00", "type": "sykmelding", "id": "sm-1", "fom": "2024-01-01", "tom": "2024-01-31", "grad": 100, "orgnr": "974652269" },
            { "at": "2024-01-20T08:00:00+01:00", "type": "sykmelding", "id": "sm-2", "fom": "2024-02-20", "tom": "2024-03-10", "grad": 100, "orgnr": "974652269" },
            { "at": "2024-02-25T08:00:00+01:00", "type": "sykmelding", "id": "sm-3", "fom": "2024-03-28", "tom": "2024-09-30", "grad": 100, "orgnr": "974652269" },
            { "at": "2024-04-10T10:00:00+02:00", "type": "oppfolgingsplanDelt", "id": "op-3", "mottaker": "SYKMELDER" } ],
          "until": "2024-10-31" }
        """;

    /// <summary>An oppfølgingsplan shared five days before the first sykmelding: the workflow's run for it ends at
    /// once without a case, so the plan does not satisfy OPPFOLGINGSPLAN_FRIST of the case that starts later.</summary>
    private const string PlanBeforeSykmelding = """
        { "events": [
            { "at": "2024-01-05T10:00:00+01:00", "type": "oppfolgingsplanDelt", "id": "op-0", "mottaker": "SYKMELDER" },
            { "at": "2024-01-10T08:00:00+01:00", "type": "sykmelding", "id": "sm-1", "fom": "2024-01-10", "tom": "2024-03-31", "grad": 100, "orgnr": "974652269" } ],
          "until": "2024-04-30" }
        """;

    [Fact]
    public async Task Every_person_of_the_sample_gets_the_same_effects_from_the_forecast_as_from_the_workflow()
    {
        var sample = ParitySample.Synthetic(seed: 14, from: 1500)
            .Append((Shape: "carried cases", Person: SimulationInputReader.Read(CarriedCases)))
            .Append((Shape: "plan before the first sykmelding", Person: SimulationInputReader.Read(PlanBeforeSykmelding)))
            .Concat(Corpus())
            .ToList();
        var people = sample.SelectMany((p, i) => RuleSets.Select(r => new SimulatedPerson($"p{i}-{r}", p.Person with { RuleSet = r }))).ToList();

        var simulated = await CaseHistorySimulator.RunAsync(people, OfflineServerLocator.Locate(), fetchHistories: false, CancellationToken.None);

        var differences = new List<string>();
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            var workflow = SimulationOutcome.From(simulated[i]).Cases
                .SelectMany(c => c.Effects.Select(e => $"{c.Start:yyyy-MM-dd} {e.On:yyyy-MM-dd} {e.Kind} {e.Code} {e.To}"))
                .ToList();
            var forecast = Decided(PersonRun.Cases(person.Input, person.Input.RuleSet!));
            if (!workflow.SequenceEqual(forecast))
            {
                differences.Add(
                    $"{person.PersonRef} ({sample[i / RuleSets.Length].Shape}):\n  workflow: {string.Join("\n            ", workflow)}\n  forecast: {string.Join("\n            ", forecast)}");
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
        // Not a comparison of nothing: every shape is in the sample, and the two rule sets decide differently.
        Assert.True(sample.Select(s => s.Shape).Distinct().Count() >= 11 + 16, string.Join(", ", sample.Select(s => s.Shape).Distinct()));
        Assert.NotEqual(
            Decided(people.Where(p => p.Input.RuleSet == RuleSets[0]).SelectMany(p => PersonRun.Cases(p.Input, RuleSets[0])).ToList()),
            Decided(people.Where(p => p.Input.RuleSet == RuleSets[1]).SelectMany(p => PersonRun.Cases(p.Input, RuleSets[1])).ToList()));
    }

    /// <summary>The replay corpus's inputs (tests/histories/inputs): between them every event type and every
    /// milestone, which the generator does not make (corrections, dialogmøter, aktivitetskrav, death …).</summary>
    private static IEnumerable<(string Shape, SimulationInput Person)> Corpus() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "histories", "inputs"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f), SimulationInputReader.Read(File.ReadAllText(f))));

    /// <summary>Each case's effects as simulate prints them; a run that never had a sick day has no case in
    /// simulate's output, so any effect of it shows as a difference.</summary>
    private static List<string> Decided(IReadOnlyList<CaseState> cases) =>
        [.. cases.SelectMany(c => c.Effects.Select(e =>
            $"{(c.Tilfelle is { } t ? t.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "no sick day")} {e.On:yyyy-MM-dd} {ContractCodes.Of(e.Kind)} {e.Code} {ContractCodes.Of(e.To)}"))];
}
