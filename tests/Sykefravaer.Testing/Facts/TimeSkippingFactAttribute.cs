using Xunit;

namespace Sykefravaer.Testing;

/// <summary>
/// A test that sleeps through virtual weeks: it runs only where the server's clock skips ahead, and is reported as
/// skipped (with the reason) on a real-time server rather than waiting for weeks or passing without checking anything.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TimeSkippingFactAttribute : FactAttribute
{
    /// <summary>Initializes a new instance of the <see cref="TimeSkippingFactAttribute"/> class.</summary>
    public TimeSkippingFactAttribute()
    {
        var kind = TemporalServerSelection.FromEnvironment();
        if (!TemporalServerSelection.SupportsTimeSkipping(kind))
        {
            Skip = $"Needs a time-skipping server ({TemporalTestEnvironmentVariables.Server}=offline or time-skipping); "
                + $"{kind} runs in real time and this test sleeps through virtual weeks.";
        }
    }
}
