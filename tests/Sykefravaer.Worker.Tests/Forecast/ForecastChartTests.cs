using System.Globalization;
using System.Xml.Linq;
using Sykefravaer.Worker.Tests.Infrastructure;

namespace Sykefravaer.Worker.Tests.Forecast;

/// <summary><c>forecast --chart FILE.svg</c>: an SVG of the veileder tasks per week under each rule set, whose bars
/// are the tallies the forecast prints.</summary>
public sealed class ForecastChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task The_chart_is_well_formed_SVG_whose_two_series_are_the_printed_veileder_tasks_per_week()
    {
        var chart = Path.Combine(Path.GetTempPath(), $"forecast-{Guid.NewGuid():N}.svg");
        try
        {
            var result = await WorkerCli.RunAsync(
                ["forecast", "--synthetic", "400", "--seed", "5", "--rule-sets", "2026,2027-behov", "--format", "csv", "--chart", chart]);
            Assert.True(result.ExitCode == 0, result.ToString());

            var svg = XDocument.Load(chart); // throws unless well-formed XML
            Assert.Equal(Svg + "svg", svg.Root!.Name);
            Assert.Equal("Veileder tasks per week of the tilfelle: 2026 and 2027-behov, 400 people", svg.Root.Element(Svg + "title")!.Value);
            var bars = svg.Descendants(Svg + "rect").Where(r => r.Attribute("data-count") is not null)
                .ToDictionary(r => (RuleSet: (string)r.Attribute("data-rule-set")!, Week: (int)r.Attribute("data-week")!), r => (long)r.Attribute("data-count")!);
            var printed = TasksPerWeek(result.Stdout);

            Assert.Equal(2 * 52, bars.Count);
            Assert.All(Enumerable.Range(1, 52), week =>
            {
                Assert.Equal(printed.GetValueOrDefault((week, 0)), bars[("2026", week)]);
                Assert.Equal(printed.GetValueOrDefault((week, 1)), bars[("2027-behov", week)]);
            });
            // The series differ where the rule sets do (DIALOGMOTE2_KANDIDAT in week 18), so a mix-up would show.
            Assert.True(bars[("2026", 18)] > bars[("2027-behov", 18)], $"week 18: {bars[("2026", 18)]} and {bars[("2027-behov", 18)]}");
        }
        finally
        {
            File.Delete(chart);
        }
    }

    /// <summary>(week, rule set index) → veileder tasks of every code, summed from the CSV's week rows.</summary>
    private static Dictionary<(int Week, int RuleSet), long> TasksPerWeek(string csv)
    {
        var tasks = new Dictionary<(int, int), long>();
        foreach (var cells in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(l => l.Split(',')))
        {
            if (cells[0] == "all" || cells[1] != "TASK")
            {
                continue;
            }

            var week = int.Parse(cells[0].TrimEnd('+'), CultureInfo.InvariantCulture);
            for (var r = 0; r < 2; r++)
            {
                tasks[(week, r)] = tasks.GetValueOrDefault((week, r)) + long.Parse(cells[3 + r], CultureInfo.InvariantCulture);
            }
        }

        return tasks;
    }
}
