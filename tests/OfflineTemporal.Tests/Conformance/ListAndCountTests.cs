using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Client;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>List and count with the WorkflowId, WorkflowType and ExecutionStatus filters, alone and combined.</summary>
public sealed class ListAndCountTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task List_and_count_filter_by_workflow_id_type_and_status() =>
        RunWorkerAsync(worker => worker.AddWorkflow<ReleasableWorkflow>().AddWorkflow<GreetingWorkflow>(), async queue =>
        {
            var completedId = UniqueId("listed-completed");
            var runningId = UniqueId("listed-running");
            var completed = await Client.StartWorkflowAsync((ReleasableWorkflow wf) => wf.RunAsync(), new(completedId, queue));
            var running = await Client.StartWorkflowAsync((ReleasableWorkflow wf) => wf.RunAsync(), new(runningId, queue));
            await Client.ExecuteWorkflowAsync((GreetingWorkflow wf) => wf.RunAsync("other type"), new(UniqueId("listed-other"), queue));
            await completed.SignalAsync(wf => wf.ReleaseAsync(false));
            await completed.GetResultAsync();

            var byId = await ListAsync($"WorkflowId = '{completedId}'", expected: 1);
            Assert.Equal(completed.ResultRunId, Assert.Single(byId).RunId);
            Assert.Equal("ReleasableWorkflow", byId[0].WorkflowType);

            Assert.Single(await ListAsync($"WorkflowId = '{runningId}' AND ExecutionStatus = 'Running'", expected: 1));
            Assert.Empty(await ListAsync($"WorkflowId = '{completedId}' AND ExecutionStatus = 'Running'", expected: 0));
            Assert.Single(await ListAsync($"WorkflowId = '{completedId}' AND ExecutionStatus = 'Completed'", expected: 1));
            Assert.Empty(await ListAsync($"WorkflowId = '{runningId}' AND WorkflowType = 'GreetingWorkflow'", expected: 0));

            // The type filter alone sees other tests' workflows too, so it is checked against this test's two.
            var releasable = await ListAsync("WorkflowType = 'ReleasableWorkflow'", expected: null);
            Assert.Contains(releasable, w => w.Id == completedId);
            Assert.Contains(releasable, w => w.Id == runningId);
            Assert.All(releasable, w => Assert.Equal("ReleasableWorkflow", w.WorkflowType));

            Assert.Equal(1, await CountAsync($"WorkflowId = '{runningId}' AND ExecutionStatus = 'Running'", expected: 1));
            Assert.Equal(0, await CountAsync($"WorkflowId = '{runningId}' AND ExecutionStatus = 'Completed'", expected: 0));
            Assert.Equal(releasable.Count, await CountAsync("WorkflowType = 'ReleasableWorkflow'", expected: releasable.Count));

            await running.SignalAsync(wf => wf.ReleaseAsync(false));
            await running.GetResultAsync();
        });

    // Visibility may lag on a real server: poll until the expected number shows (or give the last answer to assert on).
    private Task<List<WorkflowExecution>> ListAsync(string query, int? expected) =>
        Eventually.ValueAsync(
            async () =>
            {
                var found = new List<WorkflowExecution>();
                await foreach (var execution in Client.ListWorkflowsAsync(query))
                {
                    found.Add(execution);
                }

                return found;
            },
            found => expected is null || found.Count == expected);

    private Task<long> CountAsync(string query, long expected) =>
        Eventually.ValueAsync(async () => (await Client.CountWorkflowsAsync(query)).Count, count => count == expected);
}
