using Temporalio.Common;
using Temporalio.Workflows;

namespace Sykefravaer.Activities;

/// <summary>The options the workflow runs <see cref="CaseActivities"/> with.</summary>
public static class CaseActivityOptions
{
    /// <summary>
    /// Gets a fresh copy (callers may change it) of the recommended options: 30 s per attempt (each activity is one
    /// or two short statements), and retries without end, backing off to one attempt every 5 minutes. No
    /// schedule-to-close limit on purpose: a database outage is waited out and the effect is written when it is back,
    /// never dropped; every write is idempotent, so retries are safe. Bad data fails at once instead.
    /// </summary>
    public static ActivityOptions Default => new()
    {
        StartToCloseTimeout = AttemptTimeout,
        RetryPolicy = RetryUntilWritten(),
    };

    /// <summary>
    /// Gets a fresh copy of the options for the bookkeeping writes run as local activities (the projection, the
    /// record of a decision): the same attempt timeout and the same retries without end. Backoffs longer than the
    /// SDK's local retry threshold (1 minute) become workflow timers, so a long database outage does not hold a
    /// workflow task open.
    /// </summary>
    public static LocalActivityOptions Local => new()
    {
        StartToCloseTimeout = AttemptTimeout,
        RetryPolicy = RetryUntilWritten(),
    };

    private static TimeSpan AttemptTimeout => TimeSpan.FromSeconds(30);

    private static RetryPolicy RetryUntilWritten() => new()
    {
        InitialInterval = TimeSpan.FromSeconds(1),
        BackoffCoefficient = 2,
        MaximumInterval = TimeSpan.FromMinutes(5),
        MaximumAttempts = 0,
        NonRetryableErrorTypes = [ActivityErrorTypes.InvalidInput],
    };
}
