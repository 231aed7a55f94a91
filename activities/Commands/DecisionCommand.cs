namespace Sykefravaer.Activities.Commands;

/// <summary>Record a decision or exemption in the audit trail (e.g. aktivitetskrav assessed, dialogmøte 2 exempted
/// as "åpenbart unødvendig"), with its cause and who decided.</summary>
/// <param name="Key">Unique within the case and stable across replays, like <c>Effect.Key</c> (e.g. the event id).</param>
/// <param name="Code">Stable upper-case code, e.g. <c>AKTIVITETSKRAV_UNNTAK</c> or <c>DIALOGMOTE2_UNNTAK</c>.</param>
/// <param name="On">The Norwegian date it was decided.</param>
/// <param name="Cause">Why: the reason given and the event that carried it.</param>
/// <param name="DecidedBy">Who decided (a veileder ident or a system name), when known.</param>
public sealed record DecisionCommand(
    Guid CaseId, string PersonRef, string Key, string Code, DateOnly On, string Cause, string? DecidedBy = null);
