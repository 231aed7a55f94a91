using System.Globalization;
using Forecast.Benchmark;

// The forecast over synthetic people (worker/Forecast, README "Forecast a rule change") at two or more sizes, to show
// its speed and that its memory does not grow with the population. Usage:
//   dotnet run -c Release --project benchmarks/Forecast.Benchmark -- [SIZES=100000,1100000] [--workers W] [--seed S]
// For each size, in the same run: a baseline (the population generated and looked at, no rules) and the forecast
// under 2026 and 2027-behov; the ratio of the two says what the rules cost beyond producing the people, and carries
// across machines better than the seconds. Issue 14's target: a national year (about 1.1 million people, RULES.md
// "Scale") in under 5 minutes on the 2-core build machine, with memory flat in the population size.
string[] ruleSets = ["2026", "2027-behov"];
var target = TimeSpan.FromMinutes(5);
const int NationalYear = 1_100_000;

var sizes = args.FirstOrDefault(a => a.Length > 0 && char.IsAsciiDigit(a[0])) is { } list
    ? list.Split(',').Select(s => int.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList()
    : [100_000, NationalYear];
var workers = Option("--workers") ?? Environment.ProcessorCount;
var seed = Option("--seed") ?? 1;
if (sizes.Any(s => s < 1) || workers < 1)
{
    Console.Error.WriteLine("Sizes and --workers must be at least 1.");
    return 2;
}

Console.WriteLine($"Forecast benchmark: {string.Join(" vs ", ruleSets)}, seed {seed}, {workers} workers");
Console.WriteLine($"Machine: {Machine.Describe()}");

// Warm-up, so that the JIT's tiers land in neither measurement (generating is cheap: it needs many more people).
_ = Measurement.Generate(200_000, seed);
_ = Measurement.Forecast(5_000, seed, ruleSets, workers);

var results = new List<(Measurement Baseline, Measurement Forecast)>();
foreach (var size in sizes)
{
    // The baseline is short: the fastest of three, so that a neighbour's burst of load does not decide the ratio.
    var baseline = Enumerable.Range(0, 3).Select(_ => Measurement.Generate(size, seed)).MinBy(m => m.Wall)!;
    var forecast = Measurement.Forecast(size, seed, ruleSets, workers);
    results.Add((baseline, forecast));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

        {size:N0} people (load average now {Machine.LoadAverage()})
          baseline, generate only  {baseline.Wall.TotalSeconds,8:F1} s  {baseline.PeoplePerSecond,9:N0} people/s  peak working set {MiB(baseline.PeakWorkingSet)}, managed heap {MiB(baseline.PeakManagedHeap)}
          forecast                 {forecast.Wall.TotalSeconds,8:F1} s  {forecast.PeoplePerSecond,9:N0} people/s  {forecast.CasesPerSecond:N0} cases/s ({forecast.Cases:N0} cases under the two rule sets)
                                   peak working set {MiB(forecast.PeakWorkingSet)}, managed heap {MiB(forecast.PeakManagedHeap)}
          forecast / baseline      x{forecast.Wall / baseline.Wall:F1}
        """));
}

var (smallest, largest) = (results[0].Forecast, results[^1].Forecast);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

    Memory, largest against smallest population ({largest.People:N0} / {smallest.People:N0} = x{(double)largest.People / smallest.People:F0} people):
      peak working set x{(double)largest.PeakWorkingSet / smallest.PeakWorkingSet:F2}, peak managed heap x{(double)largest.PeakManagedHeap / smallest.PeakManagedHeap:F2}
    A national year ({NationalYear:N0} people) at {largest.PeoplePerSecond:N0} people/s: {NationalYear / largest.PeoplePerSecond:F0} s; target under {target.TotalSeconds:F0} s: {(NationalYear / largest.PeoplePerSecond < target.TotalSeconds ? "met" : "NOT met")}
    """));
return 0;

int? Option(string name) =>
    Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length
        ? int.Parse(args[at + 1], CultureInfo.InvariantCulture)
        : null;

static string MiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_048_576.0:F0} MiB");
