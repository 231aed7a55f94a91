using Xunit;

namespace Sykefravaer.Testing;

/// <summary>A test of the offline server's own promises (such as refusing what it does not implement), which
/// Temporal's servers do not make; skipped, with the reason, against them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OfflineServerFactAttribute : FactAttribute
{
    /// <summary>Initializes a new instance of the <see cref="OfflineServerFactAttribute"/> class.</summary>
    public OfflineServerFactAttribute()
    {
        var kind = TemporalServerSelection.FromEnvironment();
        if (!TemporalServerSelection.IsOffline(kind))
        {
            Skip = $"Checks the offline server only; {TemporalTestEnvironmentVariables.Server} selects {kind}.";
        }
    }
}
