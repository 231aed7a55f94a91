using Sykefravaer.Worker.Forecast;

namespace Sykefravaer.Worker.Tests.Forecast;

/// <summary>The forecast on several cores gives the figures of one core: each worker's tally is a share of sums.</summary>
public sealed class ForecastRunTests
{
    private static readonly string[] RuleSets = ["2026", "2027-behov"];

    [Fact]
    public void Any_number_of_workers_tallies_the_same_counts_as_one()
    {
        var one = ForecastRun.Tally(SyntheticPopulation.Generate(3_000, 11), RuleSets, workers: 1);
        var four = ForecastRun.Tally(SyntheticPopulation.Generate(3_000, 11), RuleSets, workers: 4);

        Assert.Equal(3_000, one.People);
        Assert.Equal(one.People, four.People);
        Assert.Equal(one.Cases, four.Cases);
        Assert.Equal(Lines(one), Lines(four));
        Assert.Contains(Lines(one), l => l.StartsWith("18 Task DIALOGMOTE2_KANDIDAT", StringComparison.Ordinal));
    }

    private static List<string> Lines(ForecastTally tally) =>
        [.. tally.Rows.Select(r => $"{r.Row.Week} {r.Row.Kind} {r.Row.Code} {string.Join(' ', r.Counts)}")];
}
