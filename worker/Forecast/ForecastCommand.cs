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

        // Opened and created before the run, so that a file that cannot be read or written is refused at once.
        FileStream? populationFile = null;
        FileStream? chart = null;
        try
        {
            populationFile = options.PopulationFile is { } file ? OpenPopulation(file) : null;
            chart = options.Chart is { } chartFile ? CreateChart(chartFile) : null;
        }
        catch (ForecastUsageException e)
        {
            await (populationFile?.DisposeAsync() ?? ValueTask.CompletedTask).ConfigureAwait(false);
            return Fail($"forecast: {e.Message}");
        }

        await using (populationFile)
        await using (chart)
        {
            var population = populationFile is not null
                ? PopulationReader.Read(populationFile)
                : SyntheticPopulation.Generate(options.Synthetic, options.Seed);
            ForecastTally tally;
            try
            {
                tally = ForecastRun.Tally(population, options.RuleSets, Environment.ProcessorCount);
            }
            catch (Exception e) when (e is SimulationInputException or IOException)
            {
                if (chart is not null)
                {
                    await chart.DisposeAsync().ConfigureAwait(false);
                    File.Delete(chart.Name); // no empty chart left of a population that was refused
                }

                return Fail($"{options.PopulationFile}: {e.Message}");
            }

            if (chart is not null)
            {
                ForecastChart.Write(tally, chart);
            }

            ForecastReport.Write(tally, options.Format, Console.Out);
            return 0;
        }
    }

    private static FileStream OpenPopulation(string file)
    {
        try
        {
            return File.OpenRead(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ForecastUsageException($"cannot read the population file {file}: {e.Message}");
        }
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

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
