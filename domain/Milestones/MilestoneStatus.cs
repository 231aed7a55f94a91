namespace Sykefravaer.Domain.Milestones;

/// <summary>One milestone of a case at a given moment.</summary>
/// <param name="Due">Its due date, or null while the case has no sick days to count from.</param>
/// <param name="IsDueNow">Pending with its due date on or before today: the case fires it when it advances.</param>
public sealed record MilestoneStatus(
    string Code,
    DateOnly? Due,
    bool Applies,
    bool Satisfied,
    MilestoneResult Result,
    DateOnly? FiredOn,
    bool IsDueNow);
