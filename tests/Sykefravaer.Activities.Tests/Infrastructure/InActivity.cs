using Temporalio.Testing;

namespace Sykefravaer.Activities.Tests.Infrastructure;

/// <summary>Runs an activity method inside Temporal's test activity context (no server), as a worker would.</summary>
internal static class InActivity
{
    public static Task<T> RunAsync<T>(Func<Task<T>> activity) => new ActivityEnvironment().RunAsync(activity);
}
