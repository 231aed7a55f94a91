using OfflineTemporal.Tests.Activities;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.OperatorService.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Worker;

namespace OfflineTemporal.Tests.Durability;

/// <summary>
/// The offline server with <c>--db-filename</c> keeps what a restart must not lose: histories, timers, signals
/// accepted while nobody listened, activity attempts, visibility and search attributes. Each test kills the server
/// with SIGKILL and starts it again on the same file.
/// </summary>
public sealed class DurableServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ATimerStartedBeforeAKillFiresOnceAfterTheRestart()
    {
        await using var server = DurableServer.Create();
        await server.StartAsync();
        var queue = NewQueue();
        var client = await server.ConnectAsync();
        var handle = await client.StartWorkflowAsync(
            (SleepWorkflow w) => w.RunAsync(TimeSpan.FromSeconds(3)), new(id: "sleeper", taskQueue: queue));
        await RunWorkerUntilAsync(client, queue, async () => (await HistoryOf(handle)).Any(e => e.TimerStartedEventAttributes is not null));

        await server.KillAsync();
        await server.StartAsync();

        var restarted = await server.ConnectAsync();
        var slept = await RunWorkerUntilResultAsync(restarted, queue, restarted.GetWorkflowHandle<SleepWorkflow, TimeSpan>("sleeper"));
        Assert.True(slept >= TimeSpan.FromSeconds(3), $"slept {slept}");
        var history = await HistoryOf(restarted.GetWorkflowHandle("sleeper"));
        Assert.Single(history, e => e.TimerStartedEventAttributes is not null);
        Assert.Single(history, e => e.TimerFiredEventAttributes is not null);
        Assert.Equal(EventType.WorkflowExecutionCompleted, history[^1].EventType);
    }

    [Fact]
    public async Task SignalsAcceptedBeforeAKillAreDeliveredAndARetriedSignalIsAppliedOnce()
    {
        await using var server = DurableServer.Create();
        await server.StartAsync();
        var queue = NewQueue();
        var client = await server.ConnectAsync();
        var handle = await client.StartWorkflowAsync((SignalCollectorWorkflow w) => w.RunAsync(), new(id: "collector", taskQueue: queue));
        await handle.SignalAsync(w => w.AddAsync("a"));
        await RawSignalAsync(client, "collector", "b", requestId: "request-b");

        await server.KillAsync();
        await server.StartAsync();

        var restarted = await server.ConnectAsync();
        // The sender did not hear the answer and sends again with the same request id: it must not count twice.
        await RawSignalAsync(restarted, "collector", "b", requestId: "request-b");
        var again = restarted.GetWorkflowHandle<SignalCollectorWorkflow, IReadOnlyList<string>>("collector");
        await again.SignalAsync(w => w.AddAsync("c"));
        await again.SignalAsync(w => w.CloseAsync());
        var items = await RunWorkerUntilResultAsync(restarted, queue, again);
        Assert.Equal(["a", "b", "c"], items);
    }

    [Fact]
    public async Task AnActivityKeepsItsAttemptCountAcrossARestart()
    {
        await using var server = DurableServer.Create();
        await server.StartAsync();
        var queue = NewQueue();
        var activities = new ConformanceActivities();
        var client = await server.ConnectAsync();
        var handle = await client.StartWorkflowAsync(
            (RetryingActivityWorkflow w) => w.RunAsync(new RetryScenario(SucceedOnAttempt: 4, MaximumAttempts: 10, FailPermanently: false)),
            new(id: "retrier", taskQueue: queue));
        await RunWorkerUntilAsync(client, queue, () => Task.FromResult(activities.Attempts >= 2), activities);
        // Attempt 2 has failed and the activity waits out its two-second backoff: kill the server now.
        await Task.Delay(300);
        await server.KillAsync();
        await server.StartAsync();

        var restarted = await server.ConnectAsync();
        var outcome = await RunWorkerUntilResultAsync(
            restarted, queue, restarted.GetWorkflowHandle<RetryingActivityWorkflow, RetryOutcome>("retrier"), activities);
        Assert.Equal(4, outcome.SucceededOnAttempt);
        // Counting from 1 again after the restart would have taken six attempts.
        Assert.Equal(4, activities.Attempts);
    }

    [Fact]
    public async Task VisibilityAndRegisteredSearchAttributesSurviveARestart()
    {
        await using var server = DurableServer.Create();
        await server.StartAsync();
        var client = await server.ConnectAsync();
        await client.OperatorService.AddSearchAttributesAsync(new AddSearchAttributesRequest
        {
            Namespace = "default",
            SearchAttributes = { ["DurableCaseState"] = IndexedValueType.Keyword },
        });
        var caseState = SearchAttributeKey.CreateKeyword("DurableCaseState");
        await client.StartWorkflowAsync((SignalCollectorWorkflow w) => w.RunAsync(), new(id: "visible", taskQueue: NewQueue())
        {
            TypedSearchAttributes = new SearchAttributeCollection.Builder().Set(caseState, "OPEN").ToSearchAttributeCollection(),
        });

        await server.KillAsync();
        await server.StartAsync();

        var restarted = await server.ConnectAsync();
        var found = new List<WorkflowExecution>();
        await foreach (var execution in restarted.ListWorkflowsAsync("DurableCaseState = 'OPEN'"))
        {
            found.Add(execution);
        }
        var only = Assert.Single(found);
        Assert.Equal("visible", only.Id);
        Assert.Equal(WorkflowExecutionStatus.Running, only.Status);
        var attributes = await restarted.OperatorService.ListSearchAttributesAsync(new ListSearchAttributesRequest { Namespace = "default" });
        Assert.Equal(IndexedValueType.Keyword, attributes.CustomAttributes["DurableCaseState"]);
    }

    [Fact]
    public async Task ASecondServerOnTheSameFileIsRefused()
    {
        await using var server = DurableServer.Create();
        await server.StartAsync();

        var (exitCode, error) = await server.RunCompetitorAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("in use by another Temporal server", error, StringComparison.Ordinal);
        Assert.True(server.IsRunning);
    }

    [Fact]
    public async Task ATimeSkippingServerResumesItsVirtualTimeAndItsTimersAfterARestart()
    {
        var folder = Directory.CreateTempSubdirectory("offline-temporal-skipping-");
        try
        {
            var file = Path.Combine(folder.FullName, "temporal.db");
            var queue = NewQueue();
            DateTime skippedTo;
            await using (var first = await StartTimeSkippingAsync(file))
            {
                await first.Client.StartWorkflowAsync(
                    (SleepWorkflow w) => w.RunAsync(TimeSpan.FromDays(30)), new(id: "month-sleeper", taskQueue: queue));
                await RunWorkerUntilAsync((TemporalClient)first.Client, queue, async () =>
                    (await HistoryOf(first.Client.GetWorkflowHandle("month-sleeper"))).Any(e => e.TimerStartedEventAttributes is not null));
                await first.DelayAsync(TimeSpan.FromDays(10));
                skippedTo = await first.GetCurrentTimeAsync();
            }

            await using var second = await StartTimeSkippingAsync(file);
            Assert.True(await second.GetCurrentTimeAsync() >= skippedTo, "virtual time ran backwards across the restart");
            using var worker = new TemporalWorker(second.Client, WorkerOptions(queue, null));
            // Twenty-one more days reach the thirty-day timer that the first server started.
            var slept = await worker.ExecuteAsync(async () =>
            {
                await second.DelayAsync(TimeSpan.FromDays(21));
                return await second.Client.GetWorkflowHandle<SleepWorkflow, TimeSpan>("month-sleeper").GetResultAsync();
            });
            Assert.True(slept >= TimeSpan.FromDays(30), $"slept {slept}");
            Assert.True(slept < TimeSpan.FromDays(31), $"slept {slept}: the timer was started again instead of resumed");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Task<Temporalio.Testing.WorkflowEnvironment> StartTimeSkippingAsync(string file) =>
        Temporalio.Testing.WorkflowEnvironment.StartTimeSkippingAsync(new()
        {
            TestServer = new()
            {
                ExistingPath = Smoke.SmokeServer.ExecutablePath,
                StartupTimeout = TimeSpan.FromSeconds(30),
                ExtraArgs = ["--db-filename", file],
            },
        });

    [Theory]
    [InlineData("synchronous=OFF;DROP TABLE run", "the value must be a word or a number")]
    [InlineData("writable_schema=ON", "not a pragma this server sets")]
    public async Task ASqlitePragmaThatIsNotAllowedIsRefusedAtStartWithTheReason(string pragma, string reason)
    {
        await using var server = DurableServer.Create();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync("--sqlite-pragma", pragma));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerWhoseParentIsGoneStopsAndReleasesItsFile()
    {
        await using var server = DurableServer.Create();
        using var parent = System.Diagnostics.Process.Start("sleep", "600");
        await server.StartAsync("--parent-pid", parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        parent.Kill();
        await parent.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await server.WaitForExitAsync(timeout.Token);

        // The file is free again: the engine's next start can open it.
        await server.StartAsync();
        Assert.True(server.IsRunning);
    }

    /// <summary>
    /// The server dies right after its Nth write, before it answers: the start, a workflow task handed out, its
    /// completion, the timer firing, the last completion. Whatever the client and worker then retry must find the
    /// state they expect, and the workflow still ends with one timer and one completion.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    public async Task KilledBetweenAWriteAndItsAnswerTheRetryFindsTheStateItExpects(int killAfterWrites)
    {
        await using var server = DurableServer.Create();
        await server.StartAsync("--kill-after-writes", killAfterWrites.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var stop = new CancellationTokenSource(Patience);
        var restarter = Task.Run(async () =>
        {
            await server.WaitForExitAsync(stop.Token);
            await server.StartAsync();
        });
        var queue = NewQueue();
        var client = await server.ConnectAsync();
        using var worker = new TemporalWorker(client, new TemporalWorkerOptions(queue).AddWorkflow<SleepWorkflow>());
        var running = worker.ExecuteAsync(stop.Token);

        var handle = await client.StartWorkflowAsync(
            (SleepWorkflow w) => w.RunAsync(TimeSpan.FromSeconds(1)), new(id: "crash-" + killAfterWrites, taskQueue: queue));
        try
        {
            await handle.GetResultAsync().WaitAsync(stop.Token);
        }
        catch (RpcException)
        {
            // The client gives up on a server that stays away longer than its retry budget (about 10 s), which a
            // restart on a loaded machine can take; the point here is what the server kept, so ask again once it is back.
            await restarter.WaitAsync(stop.Token);
            await handle.GetResultAsync().WaitAsync(stop.Token);
        }

        await restarter.WaitAsync(stop.Token);

        var history = await HistoryOf(handle);
        Assert.Single(history, e => e.WorkflowExecutionStartedEventAttributes is not null);
        Assert.Single(history, e => e.TimerStartedEventAttributes is not null);
        Assert.Single(history, e => e.TimerFiredEventAttributes is not null);
        Assert.Single(history, e => e.WorkflowExecutionCompletedEventAttributes is not null);
        await stop.CancelAsync();
        await IgnoreCancellation(running);
    }

    private static string NewQueue() => "durable-" + Guid.NewGuid().ToString("N");

    private static async Task<List<HistoryEvent>> HistoryOf(WorkflowHandle handle) =>
        [.. (await handle.FetchHistoryAsync()).Events];

    private static Task RawSignalAsync(ITemporalClient client, string workflowId, string item, string requestId) =>
        client.WorkflowService.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest
        {
            Namespace = "default",
            WorkflowExecution = new() { WorkflowId = workflowId },
            SignalName = "Add",
            Input = new() { Payloads_ = { Temporalio.Converters.DataConverter.Default.PayloadConverter.ToPayload(item) } },
            RequestId = requestId,
            Identity = "durability-test",
        });

    private static TemporalWorkerOptions WorkerOptions(string queue, ConformanceActivities? activities)
    {
        var options = new TemporalWorkerOptions(queue)
            .AddWorkflow<SleepWorkflow>()
            .AddWorkflow<SignalCollectorWorkflow>()
            .AddWorkflow<RetryingActivityWorkflow>();
        if (activities is not null)
        {
            options.AddAllActivities(activities);
        }
        return options;
    }

    /// <summary>Runs a worker until <paramref name="done"/> holds, then stops it before the test kills the server.</summary>
    private static async Task RunWorkerUntilAsync(
        TemporalClient client, string queue, Func<Task<bool>> done, ConformanceActivities? activities = null)
    {
        using var worker = new TemporalWorker(client, WorkerOptions(queue, activities));
        using var stop = new CancellationTokenSource(Patience);
        var running = worker.ExecuteAsync(stop.Token);
        while (!await done())
        {
            stop.Token.ThrowIfCancellationRequested();
            await Task.Delay(50);
        }
        await stop.CancelAsync();
        await IgnoreCancellation(running);
    }

    private static async Task<TResult> RunWorkerUntilResultAsync<TWorkflow, TResult>(
        TemporalClient client, string queue, WorkflowHandle<TWorkflow, TResult> handle, ConformanceActivities? activities = null)
    {
        using var worker = new TemporalWorker(client, WorkerOptions(queue, activities));
        using var stop = new CancellationTokenSource(Patience);
        var running = worker.ExecuteAsync(stop.Token);
        var result = await handle.GetResultAsync().WaitAsync(stop.Token);
        await stop.CancelAsync();
        await IgnoreCancellation(running);
        return result;
    }

    private static async Task IgnoreCancellation(Task running)
    {
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // The worker was asked to stop.
        }
    }
}
