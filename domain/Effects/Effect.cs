namespace Sykefravaer.Domain.Effects;

/// <summary>
/// Something the engine decided to do in the world: a notice or a veileder task. Decided by the pure rules,
/// carried out by an activity.
/// </summary>
/// <param name="Key">Unique within the case, and the same however often the decision is replayed or retried:
/// the activity's idempotency key (prefixed with the case id) so a notice or task is never written twice.</param>
/// <param name="On">The Norwegian date it was decided.</param>
/// <param name="Code">Stable code, e.g. the milestone code or <c>VURDER_STANS</c>.</param>
/// <param name="Cause">Why, for the audit trail: the rule code and the fact that triggered it.</param>
/// <param name="NotBefore">For tasks a veileder should not see yet (e.g. DM2 candidates wait 7 days for
/// møtebehov answers); null when visible at once.</param>
public sealed record Effect(
    string Key,
    DateOnly On,
    EffectKind Kind,
    string Code,
    Recipient To,
    string Cause,
    DateOnly? NotBefore = null);
