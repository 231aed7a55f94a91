using Sykefravaer.Activities;
using Sykefravaer.Activities.Effects;
using Temporalio.Client;
using Temporalio.Worker;

namespace Sykefravaer.Workflows.Tests.Infrastructure;

/// <summary>
/// The real case workflow and its activities in a real <see cref="TemporalWorker"/> on the test's own task queue.
/// It can be killed in the middle of a case (<see cref="StopAsync"/>) and started again on the same queue, as a
/// redeployed or crashed worker process would be.
/// </summary>
public sealed class CaseWorker : IAsyncDisposable
{
    private readonly ITemporalClient client;
    private TemporalWorker? worker;
    private CancellationTokenSource? stopping;
    private Task? running;

    public CaseWorker(ITemporalClient client, string taskQueue)
    {
        this.client = client;
        TaskQueue = taskQueue;
    }

    public string TaskQueue { get; }

    public bool IsRunning => worker is not null;

    /// <summary>Starts a fresh worker (empty workflow cache: it replays every case it touches) over <paramref name="effects"/>.</summary>
    public void Start(ICaseEffects effects)
    {
        if (worker is not null)
        {
            throw new InvalidOperationException("The worker is already running: stop it first.");
        }

        var options = new TemporalWorkerOptions(TaskQueue)
        {
            // Any exception in workflow code fails the case at once, so a bug fails the test with its message instead
            // of Temporal retrying the workflow task until the test times out.
            WorkflowFailureExceptionTypes = [typeof(Exception)],
        };
        options.AddWorkflow<OppfolgingstilfelleWorkflow>().AddAllActivities(new CaseActivities(effects));
        worker = new TemporalWorker(client, options);
        stopping = new CancellationTokenSource();
        running = worker.ExecuteAsync(stopping.Token);
    }

    /// <summary>Stops the worker wherever its cases are: activities in flight are cancelled and Temporal retries them
    /// on the next worker; workflow tasks are redone from history.</summary>
    public async Task StopAsync()
    {
        if (worker is null)
        {
            return;
        }

        await stopping!.CancelAsync();
        try
        {
            await running!;
        }
        catch (OperationCanceledException)
        {
            // How ExecuteAsync reports a requested stop.
        }

        worker.Dispose();
        stopping.Dispose();
        worker = null;
        stopping = null;
        running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
