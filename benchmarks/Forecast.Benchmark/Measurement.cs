using System.Diagnostics;
using Sykefravaer.Worker.Forecast;
using Sykefravaer.Worker.Simulation;

namespace Forecast.Benchmark;

/// <summary>One timed pass over a synthetic population, with the memory it took.</summary>
/// <param name="Cases">Cases under each rule set together (0 for the baseline, which runs no rules).</param>
public sealed record Measurement(int People, long Cases, TimeSpan Wall, long PeakWorkingSet, long PeakManagedHeap, long Checksum)
{
    public double PeoplePerSecond => People / Wall.TotalSeconds;

    public double CasesPerSecond => Cases / Wall.TotalSeconds;

    /// <summary>The baseline: the population generated person by person and looked at (its events counted), no
    /// rules run. What the forecast costs beyond this is the rules.</summary>
    public static Measurement Generate(int people, int seed) =>
        Measure(people, () =>
        {
            var events = 0L;
            foreach (var person in SyntheticPopulation.Generate(people, seed))
            {
                events += person.Events.Count;
            }

            return (0, events);
        });

    /// <summary>The forecast as <c>worker -- forecast --synthetic N</c> runs it, without the printing.</summary>
    public static Measurement Forecast(int people, int seed, IReadOnlyList<string> ruleSets, int workers) =>
        Measure(people, () =>
        {
            var tally = ForecastRun.Tally(SyntheticPopulation.Generate(people, seed), ruleSets, workers);
            return (tally.Cases.Sum(), tally.Totals.Sum(t => t.Counts.Sum()));
        });

    private static Measurement Measure(int people, Func<(long Cases, long Checksum)> pass)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var memory = new MemorySampler();
        var watch = Stopwatch.StartNew();
        var (cases, checksum) = pass();
        watch.Stop();
        memory.Dispose();
        return new Measurement(people, cases, watch.Elapsed, memory.PeakWorkingSet, memory.PeakManagedHeap, checksum);
    }
}
