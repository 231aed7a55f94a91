using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>Temporal's retry policy defaults and its decision whether (and when) to try again.</summary>
internal static class RetryRules
{
    /// <summary>
    /// A retry policy with every field Temporal defaults filled in. Activity tasks must carry it complete: the SDK
    /// reads the policy from the task and fails on a missing interval or coefficient.
    /// </summary>
    public static RetryPolicy WithDefaults(RetryPolicy? policy)
    {
        var complete = policy?.Clone() ?? new RetryPolicy();
        if (complete.InitialInterval is null || complete.InitialInterval.ToTimeSpan() <= TimeSpan.Zero)
        {
            complete.InitialInterval = Duration.FromTimeSpan(TimeSpan.FromSeconds(1));
        }
        if (complete.BackoffCoefficient < 1)
        {
            complete.BackoffCoefficient = 2.0;
        }
        if (complete.MaximumInterval is null || complete.MaximumInterval.ToTimeSpan() <= TimeSpan.Zero)
        {
            complete.MaximumInterval = Duration.FromTimeSpan(complete.InitialInterval.ToTimeSpan() * 100);
        }
        return complete;
    }

    /// <summary>
    /// Whether attempt <paramref name="attempt"/>, which ended in <paramref name="failure"/>, is retried, and after
    /// what delay. <paramref name="deadline"/> is the schedule-to-close deadline, if any: a retry that would start
    /// after it is not made.
    /// </summary>
    public static (RetryState State, TimeSpan Delay) Decide(
        RetryPolicy policy, int attempt, Failure failure, DateTime now, DateTime? deadline)
    {
        if (failure.ApplicationFailureInfo is { } application
            && (application.NonRetryable || policy.NonRetryableErrorTypes.Contains(application.Type)))
        {
            return (RetryState.NonRetryableFailure, TimeSpan.Zero);
        }
        if (policy.MaximumAttempts > 0 && attempt >= policy.MaximumAttempts)
        {
            return (RetryState.MaximumAttemptsReached, TimeSpan.Zero);
        }
        var delay = failure.ApplicationFailureInfo?.NextRetryDelay is { } requested
            ? requested.ToTimeSpan()
            : Backoff(policy, attempt);
        if (deadline is { } end && now + delay >= end)
        {
            return (RetryState.Timeout, TimeSpan.Zero);
        }
        return (RetryState.InProgress, delay);
    }

    private static TimeSpan Backoff(RetryPolicy policy, int attempt)
    {
        var initial = policy.InitialInterval.ToTimeSpan().TotalMilliseconds;
        var maximum = policy.MaximumInterval.ToTimeSpan().TotalMilliseconds;
        var backoff = initial * Math.Pow(policy.BackoffCoefficient, attempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(backoff, maximum));
    }
}
