namespace Sykefravaer.Activities.Projection;

/// <summary>Something that came in to the case, as the veileder's timeline and history show it.</summary>
/// <param name="On">The Norwegian date it happened: the meeting's date for a dialogmøte, the deadline for a svarfrist,
/// otherwise the day it reached the case.</param>
/// <param name="Code">What it was, one of <see cref="EventCodes"/>.</param>
/// <param name="Detail">Who or what, as a code (e.g. <c>ARBEIDSGIVER</c>, <c>IKKE_OPPFYLT</c>, the møte's number); never
/// free text a veileder wrote.</param>
public sealed record EventView(DateOnly On, string Code, string? Detail);
