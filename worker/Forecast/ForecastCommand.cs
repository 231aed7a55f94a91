using System.Globalization;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Worker.Simulation;

namespace Sykefravaer.Worker.Forecast;

/// <summary>
/// <c>forecast --population FILE|--synthetic N [--seed S] --rule-sets A,B [--format table|csv] [--chart FILE.svg]</c>:
/// runs every person's history through the pure domain under rule sets A and B and prints, per week of the
/// tilfelle, the notices and veileder tasks of each code each decides and B − A (README.md, "Forecast a rule
/// change"), and with <c>--chart</c> draws the veileder tasks per week (<see cref="ForecastChart"/>). Bad input is
/// refused with exit code 2 and one line on standard error saying what is wrong.
/// </summary>
public static class ForecastCommand
{
    public const string Usage =
        "usage: forecast --population FILE|--synthetic N [--seed S] --rule-sets A,B [--format table|csv] [--chart FILE.svg]";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        ForecastOptions options;
        try
        {
            options = ForecastOptions.Parse(args);
        }
        catch (ForecastUsageException e)
        {
            return Fail($"forecast: {e.Message}\n{Usage}");
        }

        IEnumerable<SimulationInput> population;
        try
        {
            population = options.PopulationFile is { } file
                ? PopulationReader.Read(await ReadAsync(file).ConfigureAwait(false))
                : SyntheticPopulation.Generate(options.Synthetic, options.Seed);
        }
        catch (ForecastUsageException e)
        {
            return Fail($"forecast: {e.Message}");
        }
        catch (SimulationInputException e)
        {
            return Fail($"{options.PopulationFile}: {e.Message}");
        }

        // Created before the run, so that a chart that cannot be written is refused before the work, not after it.
        FileStream? chart;
        try
        {
            chart = options.Chart is { } chartFile ? CreateChart(chartFile) : null;
        }
        catch (ForecastUsageException e)
        {
            return Fail($"forecast: {e.Message}");
        }

        await using var chartStream = chart;
        var tally = new ForecastTally(options.RuleSets);
        foreach (var person in population)
        {
            tally.CountPerson();
            for (var i = 0; i < options.RuleSets.Count; i++)
            {
                tally.Add(i, PersonRun.Cases(person, options.RuleSets[i]));
            }
        }

        if (chart is not null)
        {
            ForecastChart.Write(tally, chart);
        }

        ForecastReport.Write(tally, options.Format, Console.Out);
        return 0;
    }

    private static FileStream CreateChart(string file)
    {
        try
        {
            return File.Create(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ForecastUsageException($"cannot write the chart {file}: {e.Message}");
        }
    }

    private static async Task<string> ReadAsync(string file)
    {
        try
        {
            return await File.ReadAllTextAsync(file).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ForecastUsageException($"cannot read the population file {file}: {e.Message}");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
