using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Projection;

namespace CaseThroughput.Benchmark;

/// <summary>What one run measured, and whether every case came out as the rules say it must.</summary>
public sealed record ThroughputResult(int Cases, TimeSpan Wall, IReadOnlyList<CaseProjection?> Closed, HistoryTally Tally)
{
    /// <summary>MAKSDATO closed the case, and every milestone of the default rule set fired, except the one for cases
    /// without an employer.</summary>
    public int CasesAsExpected => Closed.Count(c =>
        c is { State.Outcome: "MAKSDATO" }
        && c.Milestones.Count(m => m.Result == "FIRED") == 9
        && c.Milestones.Single(m => m.Code == "NAV_OPPFOLGING_UTEN_ARBEIDSGIVER").Result == "NOT_APPLICABLE");

    public double CasesPerSecond => Cases / Wall.TotalSeconds;

    public double WorkflowTasksPerSecond => Tally.WorkflowTasks / Wall.TotalSeconds;

    public double ActivitiesPerSecond => Tally.Activities / Wall.TotalSeconds;
}
