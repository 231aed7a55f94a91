using OfflineTemporal.Tests.Activities;
using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Client;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>Many workflows of different kinds run at once on several task queues, each getting its own result.</summary>
public sealed class ConcurrencyTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    private const int PerQueue = 20;

    [Fact]
    public Task Workflows_on_several_task_queues_run_at_once_without_mixing_up_results() =>
        RunWorkersAsync(
            [
                worker => worker.AddWorkflow<SignalCollectorWorkflow>(),
                worker => worker.AddWorkflow<GreetingWorkflow>().AddWorkflow<SleepWorkflow>(),
                worker => worker.AddWorkflow<RetryingActivityWorkflow>().AddAllActivities(new ConformanceActivities()),
            ],
            async queues =>
            {
                // All start before any result is awaited, so they run at once. Results are then awaited one at a time:
                // under time skipping each wait unlocks the clock, and Temporal's test server (like ours) refuses a
                // second unlock while one is outstanding.
                var collectors = await Task.WhenAll(Enumerable.Range(0, PerQueue).Select(i => CollectAsync(queues[0], i)));
                var greetings = await Task.WhenAll(Enumerable.Range(0, PerQueue).Select(i => Client.StartWorkflowAsync(
                    (GreetingWorkflow wf) => wf.RunAsync($"n{i}"), new(UniqueId("concurrent-greeting"), queues[1]))));
                var sleeps = await Task.WhenAll(Enumerable.Range(0, PerQueue).Select(_ => Client.StartWorkflowAsync(
                    (SleepWorkflow wf) => wf.RunAsync(TimeSpan.FromSeconds(1)), new(UniqueId("concurrent-sleep"), queues[1]))));
                var activities = await Task.WhenAll(Enumerable.Range(0, PerQueue).Select(_ => Client.StartWorkflowAsync(
                    (RetryingActivityWorkflow wf) => wf.RunAsync(new RetryScenario(1, 1, false)), new(UniqueId("concurrent-activity"), queues[2]))));

                Assert.Equal(Enumerable.Range(0, PerQueue).Select(i => $"n{i}"), (await InTurnAsync(collectors.Select(c => c()))).Select(r => r.Single()));
                Assert.Equal(Enumerable.Range(0, PerQueue).Select(i => $"Hello, n{i}"), await InTurnAsync(greetings.Select(h => h.GetResultAsync())));
                Assert.All(await InTurnAsync(sleeps.Select(h => h.GetResultAsync())), slept => Assert.True(slept >= TimeSpan.FromSeconds(1)));
                Assert.All(await InTurnAsync(activities.Select(h => h.GetResultAsync())), outcome => Assert.Equal(1, outcome.SucceededOnAttempt));
            });

    // Awaits each lazily created result wait before creating the next (LINQ's Select defers the calls).
    private static async Task<List<T>> InTurnAsync<T>(IEnumerable<Task<T>> waits)
    {
        var results = new List<T>();
        foreach (var wait in waits)
        {
            results.Add(await wait);
        }

        return results;
    }

    // Starts a collector, sends it its one item, and hands back a way to close it and read what it collected.
    private async Task<Func<Task<IReadOnlyList<string>>>> CollectAsync(string queue, int index)
    {
        var handle = await Client.StartWorkflowAsync((SignalCollectorWorkflow wf) => wf.RunAsync(), new(UniqueId("concurrent-collector"), queue));
        await handle.SignalAsync(wf => wf.AddAsync($"n{index}"));
        return async () =>
        {
            await handle.SignalAsync(wf => wf.CloseAsync());
            return await handle.GetResultAsync();
        };
    }
}
