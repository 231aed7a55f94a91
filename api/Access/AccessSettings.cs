namespace Sykefravaer.Api.Access;

/// <summary>Where NAV's access service (tilgangskontroll) is and how long the API waits for it and trusts an answer
/// (<c>Access__*</c>), and how the veileder's token is exchanged for it.</summary>
public sealed record AccessSettings
{
    public const string Section = "Access";

    /// <summary>Gets the access service's address. Required: without it no person's data can be shown.</summary>
    public Uri? BaseAddress { get; init; }

    /// <summary>Gets how long one question may take before the read is refused (the service counts as down).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets how long an answer is reused for the same veileder and person. Short: a veileder who loses
    /// access (a person becomes skjermet, moves office) loses it here within this time. Zero turns caching off.</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets how the veileder's token is exchanged for the access service's audience (on NAIS), if at all.</summary>
    public TokenExchangeSettings TokenExchange { get; init; } = new();

    /// <summary>Why these settings cannot be used, or null.</summary>
    public string? Problem() =>
        BaseAddress is null ? "Access__BaseAddress (NAV's access service, tilgangskontroll) is not configured: no person's data could be shown."
        : !BaseAddress.IsAbsoluteUri ? "Access__BaseAddress must be an absolute http(s) address."
        : Timeout <= TimeSpan.Zero ? "Access__Timeout must be more than zero."
        : CacheDuration < TimeSpan.Zero ? "Access__CacheDuration must not be negative."
        : TokenExchange.Problem();
}
