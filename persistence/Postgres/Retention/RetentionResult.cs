namespace Sykefravaer.Persistence.Postgres.Retention;

/// <summary>What one sweep deleted, counted per table. Counts only: nothing here identifies a case or a person.</summary>
/// <param name="Skipped">True when another process (another worker replica) was sweeping, so this one did nothing.</param>
public sealed record RetentionResult(
    bool Skipped,
    long CaseProjections,
    long VeilederTasks,
    long Notices,
    long AuditEntries,
    long ClosedTilfeller,
    long AcceptedEvents)
{
    public static RetentionResult Nothing { get; } = new(false, 0, 0, 0, 0, 0, 0);

    public static RetentionResult SkippedForAnotherSweep { get; } = Nothing with { Skipped = true };

    public bool DeletedAnything =>
        CaseProjections + VeilederTasks + Notices + AuditEntries + ClosedTilfeller + AcceptedEvents > 0;
}
