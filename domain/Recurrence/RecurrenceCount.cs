namespace Sykefravaer.Domain.Recurrence;

/// <summary>What <see cref="GjentakendeSykefravaer"/> counted: the tilfeller that count and their sick days in all.</summary>
public sealed record RecurrenceCount(int Tilfeller, int Sykedager);
