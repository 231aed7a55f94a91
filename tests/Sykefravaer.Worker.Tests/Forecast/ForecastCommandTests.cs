using Sykefravaer.Worker.Tests.Infrastructure;
using static Sykefravaer.Worker.Tests.Forecast.ForecastPopulations;

namespace Sykefravaer.Worker.Tests.Forecast;

/// <summary><c>forecast</c> over known populations: the counts per week and in all follow from the rule sets.</summary>
public sealed class ForecastCommandTests
{
    private const string Dm2 = "DIALOGMOTE2_KANDIDAT";

    [Fact]
    public async Task Nobody_with_a_risk_signal_means_no_DIALOGMOTE2_KANDIDAT_under_2027_behov_and_one_per_long_tilfelle_with_employer_under_2026()
    {
        var population = Array(
            Long(extra: PlanOn("2024-01-20")),
            Long(extra: PlanOn("2024-02-26")), // S+56: shared by week 8
            Long(extra: PlanOn("2024-01-10")),
            Long(orgnr: null),
            Short());

        var csv = await ForecastCsvAsync(population);

        Assert.Equal(("3", "0", "-3"), csv[("18", "TASK", Dm2)]);
        Assert.Equal(("3", "0", "-3"), csv[("all", "TASK", Dm2)]);
        Assert.Single(csv.Keys, k => k.Code == Dm2 && k.Week != "all");
    }

    [Fact]
    public async Task Each_risk_signal_keeps_the_candidate_under_2027_behov()
    {
        var population = Array(
            Long(extra: PlanOn("2024-01-20")), // no signal
            Long(extra: PlanOn("2024-02-27")), // S+57: no plan by week 8
            Long(extra: [PlanOn("2024-01-20"), MotebehovOn("2024-03-01")]),
            Long()); // no plan at all

        var csv = await ForecastCsvAsync(population);

        Assert.Equal(("4", "3", "-1"), csv[("all", "TASK", Dm2)]);
        // 2027-behov also asks the week-6 KARTLEGGING questions (no answer here, so no task) and acknowledges the
        // møtebehov to whoever stated it; nothing else differs.
        Assert.Equal(("0", "4", "+4"), csv[("all", "NOTICE", "KARTLEGGING")]);
        Assert.Equal(("0", "1", "+1"), csv[("all", "NOTICE", "MOTEBEHOV_KVITTERING")]);
        Assert.All(
            csv.Where(row => row.Key.Code is not (Dm2 or "KARTLEGGING" or "MOTEBEHOV_KVITTERING")),
            row => Assert.Equal("0", row.Value.Difference));
    }

    [Fact]
    public async Task Gjentakende_sykefravaer_from_earlier_tilfeller_in_the_history_is_a_risk_signal()
    {
        // An earlier tilfelle of 110 sick days in 2023 (too short for a candidacy of its own) and this one of 200: two
        // with over 300 days.
        const string earlier =
            """{ "at": "2023-03-01T08:00:00+01:00", "type": "sykmelding", "id": "sm-0", "fom": "2023-03-01", "tom": "2023-06-18", "grad": 100, "orgnr": "974652269" }""";
        var history = Long(extra: PlanOn("2024-01-20")).Replace("\"events\": [ ", $"\"events\": [ {earlier}, ", StringComparison.Ordinal);

        var csv = await ForecastCsvAsync(Array(history));

        Assert.Equal(("1", "1", "0"), csv[("18", "TASK", Dm2)]);
    }

    [Fact]
    public async Task A_population_file_of_json_lines_forecasts_as_the_same_histories_in_an_array()
    {
        string[] histories = [Long(extra: PlanOn("2024-01-20")), Long(), Short()];

        var fromArray = await WorkerCli.RunAsync(Args(File(Array(histories)), "table"));
        var fromLines = await WorkerCli.RunAsync(Args(File(Lines(histories)), "table"));

        Assert.Equal(0, fromArray.ExitCode);
        Assert.Equal(fromArray.Stdout, fromLines.Stdout);
        Assert.StartsWith("3 people; cases: 3 under 2026, 3 under 2027-behov", fromArray.Stdout, StringComparison.Ordinal);
    }

    private static string[] Args(string file, string format) =>
        ["forecast", "--population", file, "--rule-sets", "2026,2027-behov", "--format", format];

    /// <summary>(week, kind, code) → (2026, 2027-behov, difference), from the CSV.</summary>
    private static async Task<Dictionary<(string Week, string Kind, string Code), (string A, string B, string Difference)>> ForecastCsvAsync(string population)
    {
        var result = await WorkerCli.RunAsync(Args(File(population), "csv"));
        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("week,kind,code,2026,2027-behov,difference", lines[0]);
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => (c[0], c[1], c[2]), c => (c[3], c[4], c[5]));
    }
}
