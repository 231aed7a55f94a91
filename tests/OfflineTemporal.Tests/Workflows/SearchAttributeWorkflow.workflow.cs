using OfflineTemporal.Tests.Infrastructure;
using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Workflows;

/// <summary>Upserts its own search attributes when told to, then waits to be closed.</summary>
[Workflow]
public sealed class SearchAttributeWorkflow
{
    private bool closed;

    /// <summary>Waits for <see cref="CloseAsync"/>.</summary>
    [WorkflowRun]
    public Task RunAsync() => Workflow.WaitConditionAsync(() => closed);

    /// <summary>Sets the case state and week attributes.</summary>
    [WorkflowSignal]
    public Task MarkAsync(string state, long week)
    {
        Workflow.UpsertTypedSearchAttributes(
            ConformanceSearchAttributes.CaseState.ValueSet(state),
            ConformanceSearchAttributes.CaseWeek.ValueSet(week));
        return Task.CompletedTask;
    }

    /// <summary>Ends the workflow.</summary>
    [WorkflowSignal]
    public Task CloseAsync()
    {
        closed = true;
        return Task.CompletedTask;
    }
}
