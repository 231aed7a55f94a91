using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Domain.Milestones;

/// <summary>One notice or task a milestone produces when it fires.</summary>
/// <param name="OnlyIf">A further condition for this effect alone (e.g. the employer's copy only when there is one).</param>
/// <param name="VisibleAfterDays">Days before a veileder sees the task (<see cref="Effect.NotBefore"/>); 0 = at once.</param>
public sealed record EffectTemplate(EffectKind Kind, Recipient To, Condition? OnlyIf = null, int VisibleAfterDays = 0)
{
    public static EffectTemplate Notice(Recipient to, Condition? onlyIf = null) => new(EffectKind.Notice, to, onlyIf);

    public static EffectTemplate VeilederTask(int visibleAfterDays = 0) =>
        new(EffectKind.Task, Recipient.Veileder, VisibleAfterDays: visibleAfterDays);
}
