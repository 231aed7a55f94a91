namespace Sykefravaer.Workflows;

/// <summary>The patches of the case workflow after release 1 (docs/EVOLUTION.md, section 3): each guards one change
/// of the commands a released history issues.</summary>
public static class WorkflowPatches
{
    /// <summary>After release 1: the projection shows the tilfelle's sykmelding periods and the events that came in.
    /// It then changes (and is written) on events that changed nothing else it showed, such as a møtebehov without a
    /// need or a correction of a grade alone, where a release-1 run wrote nothing.</summary>
    public const string ProjectionShowsPeriodsAndEvents = "projection-shows-periods-and-events";
}
