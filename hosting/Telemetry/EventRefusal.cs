namespace Sykefravaer.Hosting.Telemetry;

/// <summary>Why the API refused an event: the reasons an operator tells apart (the sender's fault or ours).</summary>
public enum EventRefusal
{
    /// <summary>400: the body is not the event's contract (a field missing, malformed or impossible).</summary>
    Invalid,

    /// <summary>409: the id was already used for another person.</summary>
    IdConflict,

    /// <summary>413: the body is larger than allowed.</summary>
    TooLarge,

    /// <summary>415: not JSON.</summary>
    UnsupportedMediaType,

    /// <summary>503: Temporal did not answer; the sender retries.</summary>
    TemporalUnavailable,

    /// <summary>503: PostgreSQL did not answer; the sender retries.</summary>
    DatabaseUnavailable,

    /// <summary>429: the sender used up its rate limit; it retries after Retry-After.</summary>
    RateLimited,
}

/// <summary>The label each refusal carries on <c>/metrics</c>.</summary>
public static class EventRefusals
{
    public static string Label(EventRefusal reason) => reason switch
    {
        EventRefusal.Invalid => "invalid",
        EventRefusal.IdConflict => "id_conflict",
        EventRefusal.TooLarge => "too_large",
        EventRefusal.UnsupportedMediaType => "unsupported_media_type",
        EventRefusal.TemporalUnavailable => "temporal_unavailable",
        EventRefusal.DatabaseUnavailable => "database_unavailable",
        EventRefusal.RateLimited => "rate_limited",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a refusal."),
    };
}
