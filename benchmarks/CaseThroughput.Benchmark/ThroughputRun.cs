using System.Diagnostics;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Time;
using Sykefravaer.Workflows;
using Temporalio.Client;

namespace CaseThroughput.Benchmark;

/// <summary>
/// Runs <see cref="FullYearCase"/> for many people at once through one worker: each batch of events is sent to every
/// case on its day (signal-with-start, as upstream systems do), the clock skips ahead between batches, and after the
/// last one it runs free until every case has closed at MAKSDATO.
/// </summary>
public sealed class ThroughputRun(ITemporalClient client, VirtualTime time, string taskQueue)
{
    // Signals in flight at once: enough to keep the worker busy, few enough not to queue up in the gRPC channel.
    private const int SendersInParallel = 32;

    public async Task<ThroughputResult> RunAsync(int cases)
    {
        var s = NorwegianTime.DateOf(await time.NowAsync()).AddDays(1);
        var persons = Enumerable.Range(0, cases).Select(i => $"p-bench-{i:D6}-{Guid.NewGuid():N}").ToArray();
        var firstRuns = new string[cases];

        var wall = Stopwatch.StartNew();
        foreach (var batch in FullYearCase.Events(s).GroupBy(e => e.SentOnDay))
        {
            await time.AdvanceToAsync(batch.First().Event.At);
            await Parallel.ForEachAsync(
                Enumerable.Range(0, cases),
                new ParallelOptions { MaxDegreeOfParallelism = SendersInParallel },
                async (i, _) =>
                {
                    foreach (var (_, e) in batch)
                    {
                        var runId = await SendAsync(persons[i], e);
                        firstRuns[i] ??= runId;
                    }
                });
        }

        var closed = await time.RunFreeWhileAsync(() => Task.WhenAll(
            persons.Select(p => client.GetWorkflowHandle(CaseWorkflowIds.ForPerson(p)).GetResultAsync<CaseProjection?>())));
        wall.Stop();

        var tally = HistoryTally.Zero;
        for (var i = 0; i < cases; i++)
        {
            tally += await HistoryTally.OfChainAsync(client, CaseWorkflowIds.ForPerson(persons[i]), firstRuns[i]);
        }

        return new ThroughputResult(cases, wall.Elapsed, closed, tally);
    }

    private async Task<string> SendAsync(string personRef, CaseEvent e)
    {
        var options = new WorkflowOptions(CaseWorkflowIds.ForPerson(personRef), taskQueue);
        options.SignalWithStart(CaseSignals.For(e), [e]);
        var input = new CaseWorkflowInput(personRef);
        var handle = await client.StartWorkflowAsync((OppfolgingstilfelleWorkflow wf) => wf.RunAsync(input), options);
        return handle.ResultRunId!;
    }
}
