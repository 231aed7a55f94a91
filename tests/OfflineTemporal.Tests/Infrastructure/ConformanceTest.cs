using Sykefravaer.Testing;
using Temporalio.Client;
using Temporalio.Worker;

namespace OfflineTemporal.Tests.Infrastructure;

/// <summary>
/// Base of every conformance test: the shared server, a fresh task queue per test, and a worker that lives exactly
/// as long as the test's body. <see cref="CacheOffReplayTests"/> reruns each test with <see cref="MaxCachedWorkflows"/>
/// at zero, so the same assertions also hold when every workflow task is a full replay.
/// </summary>
[Collection(TemporalServerCollection.Name)]
public abstract class ConformanceTest
{
    // Long enough for the slowest scenario in real time; short enough that a server that drops a task fails the
    // test instead of hanging the run.
    private static readonly TimeSpan BodyTimeout = TimeSpan.FromSeconds(90);

    private readonly TemporalServerFixture fixture;
    private readonly StartedWorkflowRecorder started = new();

    /// <summary>Initializes a new instance of the <see cref="ConformanceTest"/> class.</summary>
    protected ConformanceTest(TemporalServerFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        this.fixture = fixture;
        var options = (TemporalClientOptions)fixture.Server.Client.Options.Clone();
        options.Interceptors = [.. options.Interceptors ?? [], started];
        Client = new TemporalClient(fixture.Server.Client.Connection, options);
    }

    /// <summary>Gets or sets the worker's workflow cache size; null keeps the SDK default (cache on).</summary>
    internal int? MaxCachedWorkflows { get; set; }

    /// <summary>Gets a value indicating whether workers keep workflows in memory between tasks (and so poll sticky queues).</summary>
    protected bool WorkflowCacheOn => MaxCachedWorkflows is not 0;

    /// <summary>Gets the shared server.</summary>
    protected TemporalTestServer Server => fixture.Server;

    /// <summary>Gets a client of the shared server that remembers what this test started.</summary>
    protected ITemporalClient Client { get; }

    /// <summary>Gets an id no other test (or rerun of this one) uses, so tests never see each other's workflows.</summary>
    protected static string UniqueId(string purpose) => $"{purpose}-{Guid.NewGuid():N}";

    /// <summary>Runs <paramref name="body"/> with a worker polling a fresh task queue, which it is given.</summary>
    protected Task RunWorkerAsync(Action<TemporalWorkerOptions> register, Func<string, Task> body) =>
        RunWorkersAsync([register], queues => body(queues[0]));

    /// <summary>Runs <paramref name="body"/> with one worker per registration, each on its own fresh task queue.</summary>
    protected async Task RunWorkersAsync(IReadOnlyList<Action<TemporalWorkerOptions>> registrations, Func<IReadOnlyList<string>, Task> body)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentNullException.ThrowIfNull(body);
        var queues = registrations.Select(_ => UniqueId("queue")).ToList();
        var workers = registrations.Select((register, index) => NewWorker(queues[index], register)).ToList();
        try
        {
            using var timeout = new CancellationTokenSource(BodyTimeout);
            var bodyTask = body(queues);
            var running = workers.Select(worker => worker.ExecuteAsync(() => bodyTask, timeout.Token)).ToList();
            try
            {
                await Task.WhenAll(running);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                var leftovers = await TerminateLeftoversAsync();
                throw new TimeoutException(
                    $"The test body did not finish within {BodyTimeout.TotalSeconds} s. Workflows it left running:{leftovers}");
            }
            catch
            {
                // A failed body may leave GetResultAsync calls waiting (holding the clock unlocked); end them too.
                await TerminateLeftoversAsync();
                throw;
            }
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    // Describes each workflow the test left running by its last events (where it got stuck), then terminates it.
    private async Task<string> TerminateLeftoversAsync()
    {
        var report = new System.Text.StringBuilder();
        foreach (var id in started.Ids.Distinct())
        {
            try
            {
                var handle = Client.GetWorkflowHandle(id);
                var events = (await handle.FetchHistoryAsync()).Events;
                report.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n  {id}: ...{string.Join(", ", events.TakeLast(8).Select(e => e.EventType))}");
                await handle.TerminateAsync("the test timed out");
            }
            catch (Temporalio.Exceptions.RpcException)
            {
                // Already closed: nothing left waiting on it.
            }
        }

        return report.ToString();
    }

    private TemporalWorker NewWorker(string taskQueue, Action<TemporalWorkerOptions> register)
    {
        var options = new TemporalWorkerOptions(taskQueue);
        if (MaxCachedWorkflows is { } size)
        {
            options.MaxCachedWorkflows = size;
        }

        register(options);
        return new TemporalWorker(Client, options);
    }
}
