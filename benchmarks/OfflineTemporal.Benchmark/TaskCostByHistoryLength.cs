using System.Diagnostics;
using Temporalio.Client;
using Temporalio.Worker;

namespace OfflineTemporal.Benchmark;

/// <summary>What the long-history run measured: the mean round trip of a one-task update early and late in one workflow.</summary>
/// <param name="Updates">Updates sent, one after another.</param>
/// <param name="FirstTenth">Mean round trip over the first tenth of them.</param>
/// <param name="LastTenth">Mean round trip over the last tenth.</param>
/// <param name="HistoryLengthAtFirst">History length the first update's task saw.</param>
/// <param name="HistoryLengthAtLast">History length the last update's task saw.</param>
public sealed record TaskCostFigures(int Updates, TimeSpan FirstTenth, TimeSpan LastTenth, int HistoryLengthAtFirst, int HistoryLengthAtLast);

/// <summary>
/// Shows whether a workflow task gets dearer as history grows: one workflow answers many updates in sequence, each a
/// workflow task; if the server resent (or re-scanned) the whole history per task, late updates would be slower.
/// </summary>
public static class TaskCostByHistoryLength
{
    /// <summary>Sends <paramref name="updates"/> updates one at a time and compares early and late round trips.</summary>
    public static async Task<TaskCostFigures> RunAsync(ITemporalClient client, int updates)
    {
        var queue = $"benchmark-history-{Guid.NewGuid():N}";
        using var worker = new TemporalWorker(client, new TemporalWorkerOptions(queue).AddWorkflow<PingWorkflow>());
        return await worker.ExecuteAsync(async () =>
        {
            var handle = await client.StartWorkflowAsync((PingWorkflow wf) => wf.RunAsync(), new($"history-{Guid.NewGuid():N}", queue));
            var roundTrips = new TimeSpan[updates];
            var historyLengths = new int[updates];
            for (var i = 0; i < updates; i++)
            {
                var watch = Stopwatch.StartNew();
                historyLengths[i] = await handle.ExecuteUpdateAsync(wf => wf.PingAsync());
                roundTrips[i] = watch.Elapsed;
            }

            await handle.SignalAsync(wf => wf.CloseAsync());
            await handle.GetResultAsync();
            var tenth = Math.Max(1, updates / 10);
            return new TaskCostFigures(
                updates,
                Mean(roundTrips.Take(tenth)),
                Mean(roundTrips.Skip(updates - tenth)),
                historyLengths[0],
                historyLengths[^1]);
        });
    }

    private static TimeSpan Mean(IEnumerable<TimeSpan> values) => TimeSpan.FromTicks((long)values.Average(v => v.Ticks));
}
