using System.Globalization;
using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Worker.Forecast;

/// <summary>Writes a <see cref="ForecastTally"/> of two rule sets A and B: per week the counts under each and B − A,
/// then the totals, as an aligned table for a reader or as CSV for a spreadsheet.</summary>
public static class ForecastReport
{
    public static void Write(ForecastTally tally, ForecastFormat format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(output);
        string[] header = ["week", "kind", "code", .. tally.RuleSets, "difference"];
        var lines = tally.Rows.Select(r => Line(Week(r.Row.Week), r.Row.Kind, r.Row.Code, r.Counts))
            .Concat(tally.Totals.Select(t => Line("all", t.Kind, t.Code, t.Counts)))
            .ToList();

        if (format == ForecastFormat.Csv)
        {
            output.WriteLine(string.Join(',', header));
            lines.ForEach(l => output.WriteLine(string.Join(',', l)));
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{tally.People} people; cases: {string.Join(", ", tally.RuleSets.Select((r, i) => $"{tally.Cases[i]} under {r}"))}"));
        var widths = header.Select((h, i) => Math.Max(h.Length, lines.Count == 0 ? 0 : lines.Max(l => l[i].Length))).ToArray();
        string Aligned(string[] cells) =>
            string.Join("  ", cells.Select((c, i) => i < 3 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
        output.WriteLine(Aligned(header));
        foreach (var line in lines)
        {
            if (line[0] == "all" && lines.IndexOf(line) == lines.FindIndex(l => l[0] == "all"))
            {
                output.WriteLine();
            }

            output.WriteLine(Aligned(line));
        }
    }

    private static string Week(int week) =>
        week >= ForecastTally.LastWeek ? $"{ForecastTally.LastWeek}+" : week.ToString(CultureInfo.InvariantCulture);

    private static string[] Line(string week, EffectKind kind, string code, long[] counts) =>
    [
        week,
        kind == EffectKind.Notice ? "NOTICE" : "TASK",
        code,
        .. counts.Select(c => c.ToString(CultureInfo.InvariantCulture)),
        (counts[^1] - counts[0]).ToString("+0;-0;0", CultureInfo.InvariantCulture),
    ];
}

public enum ForecastFormat
{
    Table,
    Csv,
}
