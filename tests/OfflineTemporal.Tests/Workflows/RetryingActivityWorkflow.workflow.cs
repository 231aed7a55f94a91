using OfflineTemporal.Tests.Activities;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Workflows;

/// <summary>How a retried activity should behave: succeed on some attempt, or fail with a non-retryable error.</summary>
public sealed record RetryScenario(int SucceedOnAttempt, int MaximumAttempts, bool FailPermanently);

/// <summary>What the workflow saw: the attempt that succeeded, or the error type that ended the retries, and how
/// much workflow time the retries took (the server's backoff shows there).</summary>
public sealed record RetryOutcome(int? SucceededOnAttempt, string? FinalErrorType, TimeSpan Elapsed);

/// <summary>Runs one activity under a retry policy with exponential backoff (1 s, 2 s, then capped at 2 s).</summary>
[Workflow]
public sealed class RetryingActivityWorkflow
{
    /// <summary>Gets the policy: backoff 1 s, 2 s, 2 s, … so four attempts take at least five seconds.</summary>
    public static RetryPolicy Policy(int maximumAttempts) => new()
    {
        InitialInterval = TimeSpan.FromSeconds(1),
        BackoffCoefficient = 2,
        MaximumInterval = TimeSpan.FromSeconds(2),
        MaximumAttempts = maximumAttempts,
        NonRetryableErrorTypes = ["Permanent"],
    };

    /// <summary>Runs the scenario and reports the outcome.</summary>
    [WorkflowRun]
    public async Task<RetryOutcome> RunAsync(RetryScenario scenario)
    {
        var start = Workflow.UtcNow;
        var options = new ActivityOptions
        {
            StartToCloseTimeout = TimeSpan.FromSeconds(10),
            RetryPolicy = Policy(scenario.MaximumAttempts),
        };
        try
        {
            var attempt = scenario.FailPermanently
                ? await Workflow.ExecuteActivityAsync((ConformanceActivities a) => a.FailPermanently(), options)
                : await Workflow.ExecuteActivityAsync((ConformanceActivities a) => a.FailUntilAttempt(scenario.SucceedOnAttempt), options);
            return new RetryOutcome(attempt, null, Workflow.UtcNow - start);
        }
        catch (ActivityFailureException failure) when (failure.InnerException is ApplicationFailureException cause)
        {
            return new RetryOutcome(null, cause.ErrorType, Workflow.UtcNow - start);
        }
    }
}
