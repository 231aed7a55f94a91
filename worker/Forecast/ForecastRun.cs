using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Sykefravaer.Worker.Simulation;

namespace Sykefravaer.Worker.Forecast;

/// <summary>
/// A population through <see cref="PersonRun"/> under each rule set, tallied as it goes. People are taken from the
/// population one at a time (generated or read, never all held), run on as many cores as asked, and each core's
/// tally is added up at the end: counts are sums, so the result is the same whichever core ran whom, in whatever
/// order. A person's runs under the rule sets are independent, but a person is one unit of work: the population is
/// what there is a lot of.
/// </summary>
public static class ForecastRun
{
    /// <exception cref="SimulationInputException">A history of the population is bad (from its reader).</exception>
    public static ForecastTally Tally(IEnumerable<SimulationInput> population, IReadOnlyList<string> ruleSets, int workers)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(ruleSets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        var total = new ForecastTally(ruleSets);
        var gate = new Lock();
        try
        {
            // No buffering: each worker takes the next person when it is free, so at most one person per worker is
            // held, and a reader's error is met at the person it is about.
            Parallel.ForEach(
                Partitioner.Create(population, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = workers },
                () => new ForecastTally(ruleSets),
                (person, _, tally) =>
                {
                    tally.CountPerson();
                    for (var i = 0; i < ruleSets.Count; i++)
                    {
                        tally.Add(i, PersonRun.Cases(person, ruleSets[i]));
                    }

                    return tally;
                },
                tally =>
                {
                    lock (gate)
                    {
                        total.Add(tally);
                    }
                });
        }
        catch (AggregateException e)
        {
            // The reader stops at the first bad history, so there is at most one of those; it says what to fix.
            var first = e.InnerExceptions.OfType<SimulationInputException>().FirstOrDefault() ?? e.InnerExceptions[0];
            ExceptionDispatchInfo.Throw(first);
        }

        return total;
    }
}
