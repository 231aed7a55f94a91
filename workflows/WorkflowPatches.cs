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

    /// <summary>The bookkeeping writes (the projection, the record of a veileder decision) run as local activities
    /// in the workflow task that decided them, instead of as activity tasks through the server: a new case then
    /// takes one workflow task instead of two, and the projection no longer goes into the history. Introduced with
    /// the replay corpus's third generation.</summary>
    public const string BookkeepingAsLocalActivities = "bookkeeping-local-activities";

    /// <summary>A person's closed cases are remembered (their tilfeller, in PostgreSQL) and a new run for the person
    /// starts from them, so M2 counts the sykepengedager of earlier cases: before this, only a case carried over by
    /// continue-as-new knew its predecessors. Introduced with the replay corpus's fourth generation.</summary>
    public const string EarlierTilfellerFromStore = "earlier-tilfeller-from-store";

    /// <summary>A run that ends because every sykmelding was withdrawn closes the projection it wrote (AVBRUTT); before
    /// this, that projection showed the case open for good.</summary>
    public const string CloseWithdrawnCases = "close-withdrawn-cases";

    /// <summary>A sykmelding that arrives in the same workflow task as the T7 close of its case, and fills the gap that
    /// closed it, reopens the case (<c>CaseState.Apply</c>); before this, it was dropped.</summary>
    public const string ReopenOnLateContinuation = "reopen-on-late-continuation";

    /// <summary>Signals that arrive while a closing case records its close are applied before the run ends (before
    /// this, they ended with the run and were lost).</summary>
    public const string ApplyEventsArrivingWhileClosing = "apply-events-arriving-while-closing";

    /// <summary>A redelivered event (same type and id) no longer records its veileder decision again: a redelivery
    /// that differs from the first delivery conflicted with the first record and failed the case.</summary>
    public const string SkipRedeliveredDecisions = "skip-redelivered-decisions";

    /// <summary>New cases start under rule set 2026 (DIALOGMOTE1_FRIST only for a person sick on day 49); before this,
    /// under 2024. One such patch per new default rule set: the version a case started under must come from its
    /// history, not from the code that replays it.</summary>
    public const string RuleSet2026 = "rule-set-2026";

    /// <summary>A closing case is remembered whole (not only its tilfelle), and a new run whose first event belongs to
    /// the person's last closed case by T1 continues that case (<c>CaseState.Continues</c>) instead of starting a
    /// second one: a sykmelding filling the gap that closed it, a sick leave going on after MAKSDATO, anything after a
    /// death. Introduced with the replay corpus's sixth generation.</summary>
    public const string ContinueClosedCases = "continue-closed-cases";
}
