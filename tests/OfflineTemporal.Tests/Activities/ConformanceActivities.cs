using Temporalio.Activities;
using Temporalio.Exceptions;

namespace OfflineTemporal.Tests.Activities;

/// <summary>
/// Activities whose behaviour depends on the attempt and on cancellation, with what they observed exposed to the test.
/// A fresh instance per test keeps the observations its own.
/// </summary>
public sealed class ConformanceActivities
{
    private int attempts;

    /// <summary>Gets how many attempts of any activity here have started.</summary>
    public int Attempts => Volatile.Read(ref attempts);

    /// <summary>Gets a task that completes when an activity here first starts.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets a task that completes when an activity here sees the server's cancellation.</summary>
    public TaskCompletionSource CancellationObserved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Fails with a retryable error until attempt <paramref name="succeedOnAttempt"/>; returns that attempt.</summary>
    [Activity]
    public int FailUntilAttempt(int succeedOnAttempt)
    {
        var attempt = RecordAttempt();
        return attempt >= succeedOnAttempt
            ? attempt
            : throw new ApplicationFailureException($"Attempt {attempt} failed.", "Transient");
    }

    /// <summary>Fails with an error type the retry policy names as non-retryable.</summary>
    [Activity]
    public int FailPermanently()
    {
        var attempt = RecordAttempt();
        throw new ApplicationFailureException($"Attempt {attempt} failed for good.", "Permanent");
    }

    /// <summary>Returns after <paramref name="milliseconds"/> of real time.</summary>
    [Activity]
    public async Task<string> WorkForAsync(int milliseconds)
    {
        RecordAttempt();
        await Task.Delay(milliseconds, ActivityExecutionContext.Current.CancellationToken);
        return "worked";
    }

    /// <summary>Never finishes on its own: only a timeout or cancellation ends it.</summary>
    [Activity]
    public async Task HangAsync()
    {
        RecordAttempt();
        await WaitForCancellationAsync();
    }

    /// <summary>Heartbeats once and then goes silent, so only the heartbeat timeout can end it.</summary>
    [Activity]
    public async Task HeartbeatOnceThenHangAsync()
    {
        RecordAttempt();
        ActivityExecutionContext.Current.Heartbeat();
        await WaitForCancellationAsync();
    }

    /// <summary>Heartbeats every 100 ms until cancelled; cancellation reaches an activity only through a heartbeat.</summary>
    [Activity]
    public async Task HeartbeatUntilCancelledAsync()
    {
        RecordAttempt();
        var context = ActivityExecutionContext.Current;
        try
        {
            while (true)
            {
                context.Heartbeat();
                await Task.Delay(100, context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            CancellationObserved.TrySetResult();
            throw;
        }
    }

    /// <summary>The first attempt records progress in a heartbeat and fails; the next returns the progress it resumes from.</summary>
    [Activity]
    public async Task<string> ResumeFromHeartbeatAsync(string progress)
    {
        var attempt = RecordAttempt();
        var context = ActivityExecutionContext.Current;
        if (attempt > 1)
        {
            return await context.Info.HeartbeatDetailAtAsync<string>(0);
        }

        context.Heartbeat(progress);
        // Let the throttled heartbeat reach the server before the failure does.
        await Task.Delay(500, context.CancellationToken);
        throw new ApplicationFailureException("Failed after recording progress.", "Transient");
    }

    private int RecordAttempt()
    {
        Interlocked.Increment(ref attempts);
        Started.TrySetResult();
        return ActivityExecutionContext.Current.Info.Attempt;
    }

    private static Task WaitForCancellationAsync() =>
        Task.Delay(Timeout.Infinite, ActivityExecutionContext.Current.CancellationToken);
}
