using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Worker.Forecast;

/// <summary>
/// <c>--chart FILE</c>: the veileder tasks of every code that rule sets A and B decide per week of the tilfelle, as
/// an SVG bar chart (two bars a week, axes, legend, a title naming the rule sets and the population). The work a
/// rule change puts on veiledere, and when, is what a reader of the forecast most wants to see at a glance. Built
/// with <see cref="XDocument"/>, so the file is well-formed XML whatever the rule-set names hold; each bar carries
/// its figures as <c>data-rule-set</c>, <c>data-week</c> and <c>data-count</c>, so they can be read without pixels.
/// </summary>
public static class ForecastChart
{
    private const double Width = 1000;
    private const double Height = 520;
    private const double Left = 80;
    private const double Right = 20;
    private const double Top = 80;
    private const double Bottom = 60;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // Two colours told apart also by those who do not see red and green apart (a blue and an orange).
    private static readonly string[] Colours = ["#0067c5", "#e18071"];

    /// <summary>Veileder tasks per rule set (index as in <see cref="ForecastTally.RuleSets"/>) and week (index 0 =
    /// week 1; the last is <see cref="ForecastTally.LastWeek"/> and on).</summary>
    public static long[][] TasksPerWeek(ForecastTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var series = tally.RuleSets.Select(_ => new long[ForecastTally.LastWeek]).ToArray();
        foreach (var (row, counts) in tally.Rows.Where(r => r.Row.Kind == EffectKind.Task))
        {
            for (var r = 0; r < series.Length; r++)
            {
                series[r][row.Week - 1] += counts[r];
            }
        }

        return series;
    }

    public static XDocument Of(ForecastTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var series = TasksPerWeek(tally);
        var (step, top) = Scale(series.SelectMany(s => s).DefaultIfEmpty(0).Max());
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = plotWidth / ForecastTally.LastWeek;
        var barWidth = slot * 0.8 / series.Length;
        double Y(double value) => Top + plotHeight - (value / top * plotHeight);

        var svg = new XElement(Svg + "svg",
            new XAttribute("width", Number(Width)),
            new XAttribute("height", Number(Height)),
            new XAttribute("viewBox", $"0 0 {Number(Width)} {Number(Height)}"),
            new XAttribute("font-family", "sans-serif"),
            new XAttribute("font-size", "12"),
            new XAttribute("role", "img"),
            new XElement(Svg + "title", Title(tally)),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")),
            Text(Width / 2, 28, Title(tally), ("text-anchor", "middle"), ("font-size", "16"), ("font-weight", "bold")));

        for (var value = 0L; value <= top; value += step)
        {
            svg.Add(
                Line(Left, Y(value), Width - Right, Y(value), value == 0 ? "#000000" : "#dddddd"),
                Text(Left - 6, Y(value) + 4, Number(value), ("text-anchor", "end")));
        }

        for (var week = 1; week <= ForecastTally.LastWeek; week++)
        {
            var x = Left + ((week - 1) * slot) + (slot * 0.1);
            for (var r = 0; r < series.Length; r++)
            {
                var count = series[r][week - 1];
                svg.Add(new XElement(Svg + "rect",
                    new XAttribute("x", Number(x + (r * barWidth))),
                    new XAttribute("y", Number(Y(count))),
                    new XAttribute("width", Number(barWidth)),
                    new XAttribute("height", Number(Y(0) - Y(count))),
                    new XAttribute("fill", Colours[r % Colours.Length]),
                    new XAttribute("data-rule-set", tally.RuleSets[r]),
                    new XAttribute("data-week", week),
                    new XAttribute("data-count", count),
                    new XElement(Svg + "title", $"week {WeekLabel(week)}, {tally.RuleSets[r]}: {count}")));
            }

            if (week == 1 || week % 4 == 0)
            {
                svg.Add(Text(Left + ((week - 0.5) * slot), Y(0) + 16, WeekLabel(week), ("text-anchor", "middle")));
            }
        }

        svg.Add(
            Line(Left, Top, Left, Y(0), "#000000"),
            Text(Left + (plotWidth / 2), Height - 16, "week of the tilfelle (week 1 = days 1–7)", ("text-anchor", "middle")),
            Text(20, Top + (plotHeight / 2), "veileder tasks", ("text-anchor", "middle"), ("transform", $"rotate(-90 20 {Number(Top + (plotHeight / 2))})")));
        for (var r = 0; r < series.Length; r++)
        {
            var x = Width - Right - 260 + (r * 130);
            svg.Add(
                new XElement(Svg + "rect",
                    new XAttribute("x", Number(x)), new XAttribute("y", "46"), new XAttribute("width", "12"), new XAttribute("height", "12"),
                    new XAttribute("fill", Colours[r % Colours.Length])),
                Text(x + 18, 56, tally.RuleSets[r]));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), svg);
    }

    /// <summary>UTF-8 without a byte-order mark, which some SVG readers show as a stray character.</summary>
    public static void Write(ForecastTally tally, Stream output)
    {
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        Of(tally).Save(writer);
    }

    private static string Title(ForecastTally tally) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Veileder tasks per week of the tilfelle: {string.Join(" and ", tally.RuleSets)}, {tally.People:N0} people");

    private static string WeekLabel(int week) =>
        week >= ForecastTally.LastWeek ? $"{ForecastTally.LastWeek}+" : week.ToString(CultureInfo.InvariantCulture);

    /// <summary>A step of 1, 2 or 5 times a power of ten giving at most about five gridlines, and the axis's top.</summary>
    private static (long Step, long Top) Scale(long max)
    {
        if (max <= 0)
        {
            return (1, 1);
        }

        var magnitude = (long)Math.Pow(10, Math.Floor(Math.Log10(Math.Max(1, max / 5.0))));
        var step = new[] { 1, 2, 5, 10 }.Select(f => f * magnitude).First(s => s * 5 >= max);
        return (step, (max + step - 1) / step * step);
    }

    private static XElement Line(double x1, double y1, double x2, double y2, string colour) =>
        new(Svg + "line",
            new XAttribute("x1", Number(x1)), new XAttribute("y1", Number(y1)),
            new XAttribute("x2", Number(x2)), new XAttribute("y2", Number(y2)),
            new XAttribute("stroke", colour));

    private static XElement Text(double x, double y, string text, params (string Name, string Value)[] attributes) =>
        new(Svg + "text",
            new XAttribute("x", Number(x)), new XAttribute("y", Number(y)),
            attributes.Select(a => new XAttribute(a.Name, a.Value)),
            text);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
