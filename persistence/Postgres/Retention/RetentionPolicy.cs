namespace Sykefravaer.Persistence.Postgres.Retention;

/// <summary>
/// How long case data is kept: "for the sykepenger year and then deleted" (RULES.md, "Privacy and records"). See
/// <see cref="CaseDataRetention"/> for what each span applies to.
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>The sykepenger year.</summary>
    public static TimeSpan DefaultKeepClosedCases { get; } = TimeSpan.FromDays(365);

    /// <summary>M2 counts the sykepengedager of the last 3 years, plus a year's margin: the same 4 years the workflow
    /// reads back when a case starts (OppfolgingstilfelleWorkflow.EarlierTilfellerAsync), so deleting a tilfelle never
    /// changes a maksdato.</summary>
    public static TimeSpan DefaultKeepTilfellerFor { get; } = Years(4);

    public const int DefaultBatchSize = 500;

    /// <summary>How long after the date it closed a case's projection, tasks, notices and audit entries are kept; also
    /// how long an accepted event is remembered once its person has no open case.</summary>
    public TimeSpan KeepClosedCases { get; init; } = DefaultKeepClosedCases;

    /// <summary>How long after its end date a closed tilfelle is kept for the person's later cases (M2).</summary>
    public TimeSpan KeepTilfellerFor { get; init; } = DefaultKeepTilfellerFor;

    /// <summary>How many cases (or tilfeller, or accepted events) one transaction deletes.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Whole years as a span at least as long as any run of that many calendar years (a leap day in every
    /// fourth year, rounded up), so <c>now - Years(n)</c> never falls after the same date <c>n</c> years ago.</summary>
    public static TimeSpan Years(int years)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        return TimeSpan.FromDays((365 * years) + ((years + 3) / 4));
    }
}
