namespace Sykefravaer.Workflows;

/// <summary>
/// The IDs of <c>Workflow.Patched</c> changes to <see cref="OppfolgingstilfelleWorkflow"/> (docs/EVOLUTION.md). An ID
/// stays as long as any case that started before its change may still be running or replayed, then goes through
/// <c>Workflow.DeprecatePatch</c> before its old branch is deleted.
/// </summary>
public static class WorkflowPatches
{
    /// <summary>The projection is written only when what it shows has changed since the last write (before this,
    /// every pass of the loop wrote it). Introduced with the replay corpus's second generation of histories.</summary>
    public const string SkipUnchangedProjection = "skip-unchanged-projection";
}
