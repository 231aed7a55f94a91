namespace Sykefravaer.Persistence.Outbox;

/// <summary>How the outbox publisher paces itself.</summary>
public sealed record OutboxPublisherOptions
{
    /// <summary>Gets how many notices one batch (one transaction) claims. Small: the rows stay locked while the
    /// batch is delivered.</summary>
    public int BatchSize { get; init; } = 20;

    /// <summary>The most times the wait after a failed attempt doubles: RetryDelay × 64 at most (about an hour with the
    /// default minute), so a receiver that is down for a while is not hammered, and one back up is not waited for
    /// long.</summary>
    public const int MaxBackoffDoublings = 6;

    /// <summary>Gets the wait after the first failed attempt before the notice is tried again; it doubles with each
    /// further failure (<see cref="MaxBackoffDoublings"/>).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets the attempts after which a notice is marked FAILED and left for a person to look at.</summary>
    public int MaxAttempts { get; init; } = 10;
}
