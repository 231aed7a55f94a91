using System.Collections.Immutable;
using Temporalio.Workflows;

namespace Sykefravaer.Workflows;

/// <summary>
/// What a case decided, counted where it is decided: <c>sykefravaer_milestones_fired_total{code}</c>. Recorded through
/// Temporal's workflow meter, which records nothing while a workflow replays, so a milestone is counted once however
/// often its history is replayed (a worker restart, an evicted cache).
/// </summary>
internal static class CaseMetrics
{
    public static void CountFired(ImmutableSortedDictionary<string, DateOnly> before, ImmutableSortedDictionary<string, DateOnly> after)
    {
        var fired = after.Keys.Where(code => !before.ContainsKey(code)).ToList();
        if (fired.Count == 0)
        {
            return;
        }

        var counter = Workflow.MetricMeter.CreateCounter<long>(
            "sykefravaer_milestones_fired", "{milestone}", "Milestones the case workflows fired, by rule code.");
        foreach (var code in fired)
        {
            // The rule code only: a closed set of RULES.md's codes, never the case or the person.
            counter.Add(1, new Dictionary<string, object> { ["code"] = code });
        }
    }
}
