using Temporalio.Exceptions;

namespace Sykefravaer.Activities.Tests.Infrastructure;

/// <summary>Whether Temporal would retry an activity that threw, under the options the workflow uses.</summary>
internal static class Retryability
{
    public static bool IsRetryable(Exception exception)
    {
        if (exception is ApplicationFailureException { NonRetryable: true })
        {
            return false;
        }

        var errorType = exception is ApplicationFailureException failure ? failure.ErrorType : exception.GetType().Name;
        return !(CaseActivityOptions.Default.RetryPolicy!.NonRetryableErrorTypes ?? []).Contains(errorType);
    }

    public static async Task<ApplicationFailureException> AssertNonRetryableAsync(Func<Task> activity)
    {
        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(activity);
        Assert.True(failure.NonRetryable);
        Assert.Equal(ActivityErrorTypes.InvalidInput, failure.ErrorType);
        return failure;
    }

    /// <summary>Calls the activity again and again, as Temporal would, while it fails retryably.</summary>
    public static async Task<T> RetryUntilSuccessAsync<T>(Func<Task<T>> activity, int maxAttempts = 40)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await activity();
            }
            catch (Exception e) when (attempt < maxAttempts && IsRetryable(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
