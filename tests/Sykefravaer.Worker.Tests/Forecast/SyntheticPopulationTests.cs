using Sykefravaer.Worker.Tests.Infrastructure;

namespace Sykefravaer.Worker.Tests.Forecast;

/// <summary>The synthetic population is the same for the same seed, another for another seed, and shaped as asked.</summary>
public sealed class SyntheticPopulationTests
{
    [Fact]
    public async Task The_same_seed_gives_the_same_forecast_and_another_seed_another()
    {
        var first = await RunAsync("7");
        var again = await RunAsync("7");
        var other = await RunAsync("8");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task A_synthetic_population_has_short_and_long_tilfeller_with_and_without_employer_and_risk_signals()
    {
        var csv = (await RunAsync("3")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(l => l.Split(',')).Where(c => c[0] == "all").ToDictionary(c => $"{c[1]} {c[2]}", c => (A: long.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture), B: long.Parse(c[4], System.Globalization.CultureInfo.InvariantCulture)));

        // Many more tilfeller reach week 6 than week 17: lengths are skewed short.
        Assert.True(csv["NOTICE AKTIVITETSKRAV_INFO"].A > 3 * csv["TASK DIALOGMOTE2_KANDIDAT"].A);
        Assert.True(csv["TASK NAV_OPPFOLGING_UTEN_ARBEIDSGIVER"].A > 0, "some without employer");
        Assert.True(csv["TASK MOTEBEHOV"].A > 0, "some with møtebehov");
        // Some candidates have no risk signal (plan by week 8, no møtebehov, not gjentakende), most have one.
        Assert.InRange(csv["TASK DIALOGMOTE2_KANDIDAT"].B, 1, csv["TASK DIALOGMOTE2_KANDIDAT"].A - 1);
    }

    private static async Task<string> RunAsync(string seed)
    {
        var result = await WorkerCli.RunAsync(
            ["forecast", "--synthetic", "500", "--seed", seed, "--rule-sets", "2026,2027-behov", "--format", "csv"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout;
    }
}
