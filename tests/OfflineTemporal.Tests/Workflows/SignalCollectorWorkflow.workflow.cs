using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Workflows;

/// <summary>Collects items sent by signal or update until it is closed, and returns them in arrival order.</summary>
[Workflow]
public sealed class SignalCollectorWorkflow
{
    private readonly List<string> items = [];
    private bool closed;

    /// <summary>Returns every item received before <see cref="CloseAsync"/>.</summary>
    [WorkflowRun]
    public async Task<IReadOnlyList<string>> RunAsync()
    {
        await Workflow.WaitConditionAsync(() => closed);
        return items;
    }

    /// <summary>Gets the items so far.</summary>
    [WorkflowQuery]
    public IReadOnlyList<string> Items => items;

    /// <summary>Adds an item.</summary>
    [WorkflowSignal]
    public Task AddAsync(string item)
    {
        items.Add(item);
        return Task.CompletedTask;
    }

    /// <summary>Adds an item, holding the workflow task for <paramref name="blockMilliseconds"/> of real time so that
    /// a test can act while a workflow task is in flight (below the SDK's two-second deadlock detector).</summary>
    [WorkflowSignal]
    public Task AddSlowlyAsync(string item, int blockMilliseconds)
    {
        Thread.Sleep(blockMilliseconds);
        items.Add(item);
        return Task.CompletedTask;
    }

    /// <summary>Adds an item the validator accepted; returns how many items there are now.</summary>
    [WorkflowUpdate]
    public Task<int> AddCheckedAsync(string item)
    {
        items.Add(item);
        return Task.FromResult(items.Count);
    }

    /// <summary>Rejects blank and duplicate items before they reach history.</summary>
    [WorkflowUpdateValidator(nameof(AddCheckedAsync))]
    public void ValidateAddChecked(string item)
    {
        if (string.IsNullOrWhiteSpace(item) || items.Contains(item))
        {
            throw new ApplicationFailureException($"Rejected item '{item}': blank or already present.", "RejectedItem");
        }
    }

    /// <summary>Lets the workflow return what it has.</summary>
    [WorkflowSignal]
    public Task CloseAsync()
    {
        closed = true;
        return Task.CompletedTask;
    }
}
