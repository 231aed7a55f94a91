using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>A workflow with many tasks stays correct when the worker keeps it cached and is served on its sticky queue.</summary>
public sealed class StickyQueueTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task Many_workflow_tasks_on_one_cached_workflow_see_every_signal_once() =>
        RunWorkerAsync(worker => worker.AddWorkflow<SignalCollectorWorkflow>(), async queue =>
        {
            var handle = await Client.StartWorkflowAsync((SignalCollectorWorkflow wf) => wf.RunAsync(), new(UniqueId("sticky"), queue));
            var sent = Enumerable.Range(1, 60).Select(i => $"item-{i}").ToList();

            // One signal at a time, each confirmed by a query, so that every signal is its own workflow task.
            foreach (var item in sent)
            {
                await handle.SignalAsync(wf => wf.AddAsync(item));
                Assert.Equal(item, (await handle.QueryAsync(wf => wf.Items))[^1]);
            }

            await handle.SignalAsync(wf => wf.CloseAsync());
            Assert.Equal(sent, await handle.GetResultAsync());

            var history = await handle.FetchHistoryAsync();
            var scheduled = history.Events.Where(e => e.EventType == EventType.WorkflowTaskScheduled).ToList();
            Assert.True(scheduled.Count > sent.Count / 2, $"only {scheduled.Count} workflow tasks for {sent.Count} separate signals");
            if (WorkflowCacheOn)
            {
                // After its first task, a cached workflow's tasks go to the worker's sticky queue.
                Assert.Contains(scheduled, e => e.WorkflowTaskScheduledEventAttributes.TaskQueue.Kind == TaskQueueKind.Sticky);
            }
        });
}
