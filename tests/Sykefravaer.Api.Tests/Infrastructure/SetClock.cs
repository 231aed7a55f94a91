namespace Sykefravaer.Api.Tests.Infrastructure;

/// <summary>A clock a test sets and moves, to see what a cache does when its time has passed.</summary>
public sealed class SetClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
