using Sykefravaer.Worker.Tests.Infrastructure;
using static Sykefravaer.Worker.Tests.Forecast.ForecastPopulations;

namespace Sykefravaer.Worker.Tests.Forecast;

/// <summary>Bad arguments and bad populations are refused: exit code 2, nothing on standard output, and standard
/// error saying what is wrong.</summary>
public sealed class ForecastInputErrorTests
{
    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["--synthetic", "10", "--rule-sets", "2026,2028"], "forecast: unknown rule set '2028'; known: 2023, 2024, 2026, 2027-behov" },
        { ["--synthetic", "0", "--rule-sets", "2026,2027-behov"], "forecast: --synthetic must be a whole number above 0; was '0'" },
        { ["--synthetic", "-5", "--rule-sets", "2026,2027-behov"], "forecast: --synthetic must be a whole number above 0; was '-5'" },
        { ["--synthetic", "ten", "--rule-sets", "2026,2027-behov"], "forecast: --synthetic must be a whole number; was 'ten'" },
        { ["--synthetic", "10"], "forecast: --rule-sets A,B is required" },
        { ["--synthetic", "10", "--rule-sets", "2026"], "forecast: --rule-sets takes two rule sets, A,B; was '2026'" },
        { ["--rule-sets", "2026,2027-behov"], "forecast: give either --population FILE or --synthetic N" },
        { ["--synthetic", "10", "--rule-sets", "2026,2027-behov", "--format", "xml"], "forecast: --format must be table or csv; was 'xml'" },
        { ["--synthetic", "10", "--rule-sets", "2026,2027-behov", "--chart", "x.png"], "forecast: --chart writes SVG: the file must end in .svg; was 'x.png'" },
        { ["--synthetic", "10", "--rule-sets", "2026,2027-behov", "--chart", "chart"], "forecast: --chart writes SVG: the file must end in .svg; was 'chart'" },
        { ["--synthetic", "10", "--rule-sets", "2026,2027-behov", "--plot", "x.svg"], "forecast: unknown argument '--plot'" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Bad_arguments_are_refused_with_what_is_wrong(string[] args, string message)
    {
        await AssertRefusedAsync(args, message);
    }

    [Fact]
    public async Task A_missing_population_file_is_refused()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-population-{Guid.NewGuid():N}.json");

        await AssertRefusedAsync(
            ["--population", missing, "--rule-sets", "2026,2027-behov"], $"forecast: cannot read the population file {missing}:");
    }

    [Fact]
    public async Task A_chart_that_cannot_be_written_is_refused_before_the_run()
    {
        var chart = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "chart.svg");

        await AssertRefusedAsync(
            ["--synthetic", "10", "--rule-sets", "2026,2027-behov", "--chart", chart], $"forecast: cannot write the chart {chart}:");
    }

    [Fact]
    public async Task A_population_that_is_not_json_is_refused()
    {
        var file = File("[ { \"events\": [ ");

        await AssertRefusedAsync(["--population", file, "--rule-sets", "2026,2027-behov"], $"{file}: the population is not valid JSON:");
    }

    [Fact]
    public async Task A_bad_history_is_refused_naming_the_history_the_event_and_the_field()
    {
        var bad = Long(extra: """{ "at": "2024-01-20T10:00:00+01:00", "type": "oppfolgingsplanDelt", "id": "op-1", "mottaker": "LEGE" }""");
        var file = File(Array(Long(), bad));

        await AssertRefusedAsync(
            ["--population", file, "--rule-sets", "2026,2027-behov"],
            $"{file}: [1]: events[1] (id \"op-1\"): mottaker: must be one of SYKMELDER, NAV");
    }

    [Fact]
    public async Task An_empty_population_is_refused()
    {
        var file = File("\n\n");

        await AssertRefusedAsync(["--population", file, "--rule-sets", "2026,2027-behov"], $"{file}: the population holds no case history");
    }

    private static async Task AssertRefusedAsync(string[] args, string message)
    {
        var result = await WorkerCli.RunAsync(["forecast", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith(message, result.Stderr, StringComparison.Ordinal);
    }
}
