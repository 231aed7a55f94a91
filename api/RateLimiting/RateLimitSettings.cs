using Sykefravaer.Hosting;

namespace Sykefravaer.Api.RateLimiting;

/// <summary>
/// The limits per caller (<c>RateLimits__Search__PermitLimit</c>, <c>RateLimits__Search__Window</c>,
/// <c>RateLimits__Events__PermitLimit</c>, <c>RateLimits__Events__Window</c>). A value that cannot be right stops the
/// start-up with a message naming the key.
/// </summary>
/// <param name="Search">The fødselsnummer search, per veileder: a person looks up one person at a time, so a burst
/// beyond the default is someone (or something) walking through fødselsnumre.</param>
/// <param name="Events">Event submission, per upstream system: high enough that a system replaying a backlog does so
/// at its own pace, low enough that a runaway loop cannot starve every other sender (docs/SECURITY.md).</param>
public sealed record RateLimitSettings(WindowLimit Search, WindowLimit Events)
{
    public const string Section = "RateLimits";

    /// <summary>30 searches a minute for each veileder.</summary>
    public static readonly WindowLimit DefaultSearch = new(30, TimeSpan.FromMinutes(1));

    /// <summary>200 events a second for each upstream system: a day's events (tens of thousands) in a few minutes.</summary>
    public static readonly WindowLimit DefaultEvents = new(200, TimeSpan.FromSeconds(1));

    public static RateLimitSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(Limit(configuration, "Search", DefaultSearch), Limit(configuration, "Events", DefaultEvents));
    }

    private static WindowLimit Limit(IConfiguration configuration, string name, WindowLimit fallback) => new(
        ConfigurationValues.WholeNumber(configuration, $"{Section}:{name}:PermitLimit", min: 1, fallback.PermitLimit),
        ConfigurationValues.PositiveSpan(configuration, $"{Section}:{name}:Window", fallback.Window));
}
