using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>Starting workflows: results, request-id deduplication, and the workflow-ID conflict and reuse policies.</summary>
public sealed class StartTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task A_started_workflow_returns_its_result() =>
        RunWorkerAsync(Register, async queue =>
        {
            var result = await Client.ExecuteWorkflowAsync(
                (GreetingWorkflow wf) => wf.RunAsync("Kari"), new(UniqueId("greet"), queue));

            Assert.Equal("Hello, Kari", result);
        });

    [Fact]
    public Task A_repeated_start_with_the_same_request_id_returns_the_same_run() =>
        RunWorkerAsync(Register, async queue =>
        {
            // What a client does when it retries a start whose answer was lost: the same request, same request id.
            var request = new StartWorkflowExecutionRequest
            {
                Namespace = Client.Options.Namespace,
                WorkflowId = UniqueId("dedup"),
                WorkflowType = new() { Name = "ReleasableWorkflow" },
                TaskQueue = new() { Name = queue },
                RequestId = Guid.NewGuid().ToString(),
            };

            var first = await Client.WorkflowService.StartWorkflowExecutionAsync(request);
            var retried = await Client.WorkflowService.StartWorkflowExecutionAsync(request);

            Assert.Equal(first.RunId, retried.RunId);
            await ReleaseAsync(Client.GetWorkflowHandle<ReleasableWorkflow, string>(request.WorkflowId, runId: first.RunId));
        });

    [Fact]
    public Task Starting_an_id_that_is_running_throws_WorkflowAlreadyStartedException() =>
        RunWorkerAsync(Register, async queue =>
        {
            var id = UniqueId("already-started");
            var running = await Client.StartWorkflowAsync((ReleasableWorkflow wf) => wf.RunAsync(), new(id, queue));

            var refused = await Assert.ThrowsAsync<WorkflowAlreadyStartedException>(() =>
                Client.StartWorkflowAsync((ReleasableWorkflow wf) => wf.RunAsync(), new(id, queue)));

            Assert.Equal(id, refused.WorkflowId);
            Assert.Equal(running.ResultRunId, refused.RunId);
            await ReleaseAsync(running);
        });

    [Fact]
    public Task Conflict_policy_UseExisting_returns_the_running_run() =>
        RunWorkerAsync(Register, async queue =>
        {
            var id = UniqueId("use-existing");
            var running = await Client.StartWorkflowAsync((ReleasableWorkflow wf) => wf.RunAsync(), new(id, queue));

            var again = await Client.StartWorkflowAsync(
                (ReleasableWorkflow wf) => wf.RunAsync(),
                new(id, queue) { IdConflictPolicy = WorkflowIdConflictPolicy.UseExisting });

            Assert.Equal(running.ResultRunId, again.ResultRunId);
            await ReleaseAsync(running);
        });

    [Fact]
    public Task Conflict_policy_TerminateExisting_replaces_the_running_run() =>
        RunWorkerAsync(Register, async queue =>
        {
            var id = UniqueId("terminate-existing");
            var old = await Client.StartWorkflowAsync((ReleasableWorkflow wf) => wf.RunAsync(), new(id, queue));

            var replacement = await Client.StartWorkflowAsync(
                (ReleasableWorkflow wf) => wf.RunAsync(),
                new(id, queue) { IdConflictPolicy = WorkflowIdConflictPolicy.TerminateExisting });

            Assert.NotEqual(old.ResultRunId, replacement.ResultRunId);
            Assert.Equal(WorkflowExecutionStatus.Terminated, (await RunOf(old).DescribeAsync()).Status);
            Assert.Equal(WorkflowExecutionStatus.Running, (await RunOf(replacement).DescribeAsync()).Status);
            await ReleaseAsync(replacement);
        });

    [Fact]
    public Task Reuse_policy_RejectDuplicate_refuses_an_id_whose_run_has_closed() =>
        RunWorkerAsync(Register, async queue =>
        {
            var id = UniqueId("reject-duplicate");
            var options = new WorkflowOptions(id, queue) { IdReusePolicy = WorkflowIdReusePolicy.RejectDuplicate };
            await ReleaseAsync(await Client.StartWorkflowAsync((ReleasableWorkflow wf) => wf.RunAsync(), options));

            await Assert.ThrowsAsync<WorkflowAlreadyStartedException>(() =>
                Client.StartWorkflowAsync((ReleasableWorkflow wf) => wf.RunAsync(), options));
        });

    [Fact]
    public Task Reuse_policy_AllowDuplicateFailedOnly_reuses_an_id_only_after_a_failure() =>
        RunWorkerAsync(Register, async queue =>
        {
            var completedId = UniqueId("failed-only-completed");
            var failedId = UniqueId("failed-only-failed");
            await ReleaseAsync(await Client.StartWorkflowAsync((ReleasableWorkflow wf) => wf.RunAsync(), new(completedId, queue)));
            await ReleaseAsync(await Client.StartWorkflowAsync((ReleasableWorkflow wf) => wf.RunAsync(), new(failedId, queue)), asFailure: true);

            await Assert.ThrowsAsync<WorkflowAlreadyStartedException>(() => Client.StartWorkflowAsync(
                (ReleasableWorkflow wf) => wf.RunAsync(),
                new(completedId, queue) { IdReusePolicy = WorkflowIdReusePolicy.AllowDuplicateFailedOnly }));
            var rerun = await Client.StartWorkflowAsync(
                (ReleasableWorkflow wf) => wf.RunAsync(),
                new(failedId, queue) { IdReusePolicy = WorkflowIdReusePolicy.AllowDuplicateFailedOnly });
            await ReleaseAsync(rerun);
        });

    [Fact]
    public Task Reuse_policy_AllowDuplicate_starts_a_new_run_after_completion() =>
        RunWorkerAsync(Register, async queue =>
        {
            var id = UniqueId("allow-duplicate");
            var options = new WorkflowOptions(id, queue) { IdReusePolicy = WorkflowIdReusePolicy.AllowDuplicate };
            var first = await Client.StartWorkflowAsync((ReleasableWorkflow wf) => wf.RunAsync(), options);
            await ReleaseAsync(first);

            var second = await Client.StartWorkflowAsync((ReleasableWorkflow wf) => wf.RunAsync(), options);

            Assert.NotEqual(first.ResultRunId, second.ResultRunId);
            Assert.Equal("released", await ReleaseAsync(second));
        });

    private static void Register(Temporalio.Worker.TemporalWorkerOptions worker) =>
        worker.AddWorkflow<GreetingWorkflow>().AddWorkflow<ReleasableWorkflow>();

    private WorkflowHandle RunOf(WorkflowHandle started) => Client.GetWorkflowHandle(started.Id, runId: started.ResultRunId);

    // Ends the run and waits for it to close; a failed release surfaces as the WorkflowFailedException it should be.
    private static async Task<string?> ReleaseAsync(WorkflowHandle<ReleasableWorkflow, string> handle, bool asFailure = false)
    {
        await handle.SignalAsync(wf => wf.ReleaseAsync(asFailure));
        if (!asFailure)
        {
            return await handle.GetResultAsync();
        }

        await Assert.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
        return null;
    }
}
