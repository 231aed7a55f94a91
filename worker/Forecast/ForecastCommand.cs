using System.Globalization;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Worker.Simulation;

namespace Sykefravaer.Worker.Forecast;

/// <summary>
/// <c>forecast --population FILE|--synthetic N [--seed S] --rule-sets A,B [--format table|csv]</c>: runs every
/// person's history through the pure domain under rule sets A and B and prints, per week of the tilfelle, the
/// notices and veileder tasks of each code each decides and B − A (README.md, "Forecast a rule change"). Bad input
/// is refused with exit code 2 and one line on standard error saying what is wrong.
/// </summary>
public static class ForecastCommand
{
    public const string Usage =
        "usage: forecast --population FILE|--synthetic N [--seed S] --rule-sets A,B [--format table|csv]";

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

        var tally = new ForecastTally(options.RuleSets);
        foreach (var person in population)
        {
            tally.CountPerson();
            for (var i = 0; i < options.RuleSets.Count; i++)
            {
                tally.Add(i, PersonRun.Cases(person, options.RuleSets[i]));
            }
        }

        ForecastReport.Write(tally, options.Format, Console.Out);
        return 0;
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

/// <summary>The forecast's arguments, checked.</summary>
public sealed record ForecastOptions(
    string? PopulationFile, int Synthetic, int Seed, IReadOnlyList<string> RuleSets, ForecastFormat Format)
{
    /// <summary>Without <c>--seed</c>: the same synthetic population every time unless asked otherwise.</summary>
    public const int DefaultSeed = 1;

    public static ForecastOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (args[i] is not ("--population" or "--synthetic" or "--seed" or "--rule-sets" or "--format"))
            {
                throw new ForecastUsageException($"unknown argument '{args[i]}'");
            }

            if (i + 1 >= args.Count)
            {
                throw new ForecastUsageException($"{args[i]} needs a value");
            }

            if (!values.TryAdd(args[i], args[i + 1]))
            {
                throw new ForecastUsageException($"{args[i]} is given twice");
            }
        }

        var file = values.GetValueOrDefault("--population");
        var synthetic = values.TryGetValue("--synthetic", out var n) ? Positive("--synthetic", n) : 0;
        if ((file is null) == (synthetic == 0))
        {
            throw new ForecastUsageException("give either --population FILE or --synthetic N");
        }

        if (file is not null && values.ContainsKey("--seed"))
        {
            throw new ForecastUsageException("--seed is for --synthetic only");
        }

        var seed = values.TryGetValue("--seed", out var s) ? Integer("--seed", s) : DefaultSeed;
        return new ForecastOptions(file, synthetic, seed, RuleSetsOf(values), FormatOf(values));
    }

    private static string[] RuleSetsOf(Dictionary<string, string> values)
    {
        if (!values.TryGetValue("--rule-sets", out var list))
        {
            throw new ForecastUsageException("--rule-sets A,B is required");
        }

        var versions = list.Split(',', StringSplitOptions.TrimEntries);
        if (versions.Length != 2 || versions.Any(v => v.Length == 0))
        {
            throw new ForecastUsageException($"--rule-sets takes two rule sets, A,B; was '{list}'");
        }

        var known = Domain.Milestones.RuleSets.All.Select(r => r.Version).ToList();
        var unknown = versions.FirstOrDefault(v => !known.Contains(v));
        return unknown is null
            ? versions
            : throw new ForecastUsageException($"unknown rule set '{unknown}'; known: {string.Join(", ", known)}");
    }

    private static ForecastFormat FormatOf(Dictionary<string, string> values) =>
        values.GetValueOrDefault("--format", "table") switch
        {
            "table" => ForecastFormat.Table,
            "csv" => ForecastFormat.Csv,
            var other => throw new ForecastUsageException($"--format must be table or csv; was '{other}'"),
        };

    private static int Positive(string name, string value) =>
        Integer(name, value) is > 0 and var n ? n : throw new ForecastUsageException($"{name} must be a whole number above 0; was '{value}'");

    private static int Integer(string name, string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ForecastUsageException($"{name} must be a whole number; was '{value}'");
}

/// <summary>The forecast's arguments are wrong; the message says which and how.</summary>
public sealed class ForecastUsageException : Exception
{
    public ForecastUsageException(string message)
        : base(message)
    {
    }

    public ForecastUsageException()
    {
    }

    public ForecastUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
