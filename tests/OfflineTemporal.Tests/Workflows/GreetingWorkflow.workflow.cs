using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Workflows;

/// <summary>Completes on its first task: the smallest workflow that round-trips an argument and a result.</summary>
[Workflow]
public sealed class GreetingWorkflow
{
    /// <summary>Greets <paramref name="name"/>.</summary>
    [WorkflowRun]
    public Task<string> RunAsync(string name) => Task.FromResult($"Hello, {name}");
}
