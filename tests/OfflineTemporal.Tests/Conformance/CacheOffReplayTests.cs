using System.Reflection;
using OfflineTemporal.Tests.Infrastructure;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>
/// Reruns every conformance scenario with the worker's workflow cache off (<c>MaxCachedWorkflows = 0</c>), so that
/// every workflow task is a full replay from event 1. A server that numbers events wrongly, or sends a partial history
/// to a worker that no longer holds the workflow, passes the cached run and fails here.
/// </summary>
[Collection(TemporalServerCollection.Name)]
public sealed class CacheOffReplayTests(TemporalServerFixture fixture)
{
    /// <summary>Gets every conformance test that is not skipped on this server, as "Class.Method".</summary>
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var method in ScenarioMethods())
        {
            data.Add($"{method.DeclaringType!.Name}.{method.Name}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_scenario_passes_with_the_workflow_cache_off(string scenario)
    {
        var method = ScenarioMethods().Single(m => $"{m.DeclaringType!.Name}.{m.Name}" == scenario);
        var test = (ConformanceTest)Activator.CreateInstance(method.DeclaringType!, fixture)!;
        test.MaxCachedWorkflows = 0;

        await (Task)method.Invoke(test, null)!;
    }

    // Skipped facts stay out: they are reported as skipped, with their reason, where they are declared.
    private static IEnumerable<MethodInfo> ScenarioMethods() =>
        typeof(ConformanceTest).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(ConformanceTest)) && !type.IsAbstract)
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttribute<FactAttribute>() is { Skip: null })
            .OrderBy(method => method.DeclaringType!.Name, StringComparer.Ordinal)
            .ThenBy(method => method.Name, StringComparer.Ordinal);
}
