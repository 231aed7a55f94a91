using System.Diagnostics;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Worker;

namespace OfflineTemporal.Benchmark;

/// <summary>What one load run measured.</summary>
/// <param name="Workflows">Cases run.</param>
/// <param name="Wall">Wall time from the first start to the last result.</param>
/// <param name="WorkflowTasks">Workflow tasks completed, counted from the histories afterwards.</param>
/// <param name="HistoryEvents">Events in all histories together.</param>
public sealed record CaseLoadFigures(int Workflows, TimeSpan Wall, long WorkflowTasks, long HistoryEvents);

/// <summary>Runs many <see cref="CaseLikeWorkflow"/>s at once with one worker, as a time-skipping test suite would.</summary>
public static class CaseLoad
{
    // Bounded so that starting ten thousand cases does not open ten thousand calls at once.
    private static readonly ParallelOptions ClientCalls = new() { MaxDegreeOfParallelism = 64 };

    /// <summary>Runs <paramref name="count"/> cases to completion and counts their workflow tasks.</summary>
    public static async Task<CaseLoadFigures> RunAsync(ITemporalClient client, int count)
    {
        var queue = $"benchmark-cases-{Guid.NewGuid():N}";
        var options = new TemporalWorkerOptions(queue) { MaxCachedWorkflows = Math.Max(count, 1000) }
            .AddWorkflow<CaseLikeWorkflow>()
            .AddAllActivities(new CaseActivities());
        using var worker = new TemporalWorker(client, options);

        var wall = Stopwatch.StartNew();
        var handles = await worker.ExecuteAsync(() => RunCasesAsync(client, queue, count));
        wall.Stop();

        var (tasks, events) = await CountHistoryAsync(handles);
        return new CaseLoadFigures(count, wall.Elapsed, tasks, events);
    }

    private static async Task<IReadOnlyList<WorkflowHandle<CaseLikeWorkflow, int>>> RunCasesAsync(ITemporalClient client, string queue, int count)
    {
        var handles = new WorkflowHandle<CaseLikeWorkflow, int>[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), ClientCalls, async (i, _) =>
        {
            var caseId = $"case-{i}-{Guid.NewGuid():N}";
            handles[i] = await client.StartWorkflowAsync((CaseLikeWorkflow wf) => wf.RunAsync(caseId), new(caseId, queue));
        });

        await Parallel.ForEachAsync(handles, ClientCalls, async (handle, _) =>
        {
            for (var e = 0; e < CaseLikeWorkflow.ExpectedEvents; e++)
            {
                await handle.SignalAsync(wf => wf.ReceiveEventAsync($"event-{e}"));
            }
        });

        // One result at a time: each wait lets the server's clock run for every case at once, so by the time the
        // first case is done most others are too, and the server never sees more than one time-skipping unlock.
        foreach (var handle in handles)
        {
            if (await handle.GetResultAsync() != CaseLikeWorkflow.ExpectedEvents)
            {
                throw new InvalidOperationException($"Case {handle.Id} finished without receiving every event sent to it.");
            }
        }

        return handles;
    }

    // Counted from the server's histories after the timed run, so counting costs nothing inside it.
    private static async Task<(long Tasks, long Events)> CountHistoryAsync(IReadOnlyList<WorkflowHandle<CaseLikeWorkflow, int>> handles)
    {
        long tasks = 0;
        long events = 0;
        await Parallel.ForEachAsync(handles, ClientCalls, async (handle, _) =>
        {
            var history = await handle.FetchHistoryAsync();
            Interlocked.Add(ref tasks, history.Events.Count(e => e.EventType == EventType.WorkflowTaskCompleted));
            Interlocked.Add(ref events, history.Events.Count);
        });
        return (tasks, events);
    }
}
