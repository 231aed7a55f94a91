using System.Globalization;

namespace Sykefravaer.Api.RateLimiting;

/// <summary>How many requests one caller may make in a fixed window; the count starts again when the window ends.</summary>
/// <param name="PermitLimit">Requests allowed per window.</param>
/// <param name="Window">How long a window lasts.</param>
public sealed record WindowLimit(int PermitLimit, TimeSpan Window)
{
    /// <summary>The limit as a sentence fragment for an answer: "30 per 60 seconds", "200 per second".</summary>
    public string Describe() => Window == TimeSpan.FromSeconds(1)
        ? $"{PermitLimit} per second"
        : $"{PermitLimit} per {Window.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} seconds";
}
