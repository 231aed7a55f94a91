namespace Sykefravaer.Domain.Milestones;

/// <summary>Where a milestone stands. Only <see cref="Fired"/> is final; the others are recomputed from the
/// current facts (T6).</summary>
public enum MilestoneResult
{
    /// <summary>Applies and is not yet satisfied: fires on its due date unless the facts change first.</summary>
    Pending,

    /// <summary>Fired once, on a date; never again in this case.</summary>
    Fired,

    /// <summary>Its purpose was met before it fell due, or it was fulfilled automatically.</summary>
    Satisfied,

    /// <summary>Its conditions do not hold for this case (e.g. no employer).</summary>
    NotApplicable,

    /// <summary>The case closed before it fired (T7, maksdato or death).</summary>
    Cancelled,
}
