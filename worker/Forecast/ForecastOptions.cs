using System.Globalization;

namespace Sykefravaer.Worker.Forecast;

/// <summary>The forecast's arguments, checked.</summary>
/// <param name="Chart">Where to write the SVG chart of veileder tasks per week; null for none.</param>
public sealed record ForecastOptions(
    string? PopulationFile, int Synthetic, int Seed, IReadOnlyList<string> RuleSets, ForecastFormat Format, string? Chart = null)
{
    /// <summary>Without <c>--seed</c>: the same synthetic population every time unless asked otherwise.</summary>
    public const int DefaultSeed = 1;

    public static ForecastOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (args[i] is not ("--population" or "--synthetic" or "--seed" or "--rule-sets" or "--format" or "--chart"))
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
        return new ForecastOptions(file, synthetic, seed, RuleSetsOf(values), FormatOf(values), ChartOf(values));
    }

    /// <summary>The chart is SVG and nothing else: a file named .png holding SVG would open as a broken image.</summary>
    private static string? ChartOf(Dictionary<string, string> values) =>
        values.GetValueOrDefault("--chart") is not { } chart
            ? null
            : string.Equals(Path.GetExtension(chart), ".svg", StringComparison.OrdinalIgnoreCase)
                ? chart
                : throw new ForecastUsageException($"--chart writes SVG: the file must end in .svg; was '{chart}'");

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
