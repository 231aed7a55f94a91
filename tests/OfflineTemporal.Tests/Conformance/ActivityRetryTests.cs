using OfflineTemporal.Tests.Activities;
using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Client;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>Activity retries follow the retry policy: backoff between attempts, attempt limits, non-retryable errors.</summary>
public sealed class ActivityRetryTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task A_failing_activity_is_retried_with_backoff_until_it_succeeds() =>
        RunRetryScenarioAsync(new RetryScenario(SucceedOnAttempt: 4, MaximumAttempts: 10, FailPermanently: false), (outcome, activities) =>
        {
            Assert.Equal(4, outcome.SucceededOnAttempt);
            Assert.Equal(4, activities.Attempts);
            // Backoff of 1 s, 2 s, 2 s (capped) between the four attempts.
            Assert.True(outcome.Elapsed >= TimeSpan.FromSeconds(5), $"retries took only {outcome.Elapsed} of workflow time");
        });

    [Fact]
    public Task Retries_stop_at_the_maximum_attempts_with_the_last_error() =>
        RunRetryScenarioAsync(new RetryScenario(SucceedOnAttempt: 99, MaximumAttempts: 3, FailPermanently: false), (outcome, activities) =>
        {
            Assert.Null(outcome.SucceededOnAttempt);
            Assert.Equal("Transient", outcome.FinalErrorType);
            Assert.Equal(3, activities.Attempts);
        });

    [Fact]
    public Task A_non_retryable_error_type_is_not_retried() =>
        RunRetryScenarioAsync(new RetryScenario(SucceedOnAttempt: 1, MaximumAttempts: 10, FailPermanently: true), (outcome, activities) =>
        {
            Assert.Equal("Permanent", outcome.FinalErrorType);
            Assert.Equal(1, activities.Attempts);
        });

    private Task RunRetryScenarioAsync(RetryScenario scenario, Action<RetryOutcome, ConformanceActivities> check)
    {
        var activities = new ConformanceActivities();
        return RunWorkerAsync(
            worker => worker.AddWorkflow<RetryingActivityWorkflow>().AddAllActivities(activities),
            async queue =>
            {
                var outcome = await Client.ExecuteWorkflowAsync(
                    (RetryingActivityWorkflow wf) => wf.RunAsync(scenario), new(UniqueId("activity-retry"), queue));
                check(outcome, activities);
            });
    }
}
