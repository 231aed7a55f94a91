using System.Collections.Immutable;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Sporsmal;

namespace Sykefravaer.Domain.Cases;

/// <summary>
/// REQUEST_FEEDBACK (rule sets with <see cref="Milestones.RuleSet.RequestFeedback"/>): whoever asks NAV for a
/// dialogmøte hears back twice, when NAV has the request and when the veileder has decided. The 2024 report
/// «Utvikling av sykefraværsoppfølgingen» found that people who ask never hear back.
/// </summary>
public sealed partial record CaseState
{
    /// <summary>MOTEBEHOV_KVITTERING: the acknowledgement to the party that stated the need.</summary>
    private static Effect MotebehovKvittering(MotebehovMeldt m, DateOnly today) => new(
        Key: $"motebehov:{m.Id}:kvittering",
        On: today,
        Kind: EffectKind.Notice,
        Code: SporsmalCodes.MotebehovKvittering,
        To: RecipientOf(m.Fra),
        Cause: $"REQUEST_FEEDBACK: møtebehov from {m.Fra} received {today:yyyy-MM-dd}");

    /// <summary>MOTEBEHOV_AVKLART: the veileder's decision (a meeting called or held, or not needed and why, as the
    /// dialogmøte records it) goes to each party whose stated need has not yet had one, once.</summary>
    private (CaseState, ImmutableArray<Effect>) AnswerMotebehov(DialogmoteRegistrert d, DateOnly today)
    {
        if (!RuleSet.RequestFeedback)
        {
            return (this, []);
        }

        var decision = d.Status switch
        {
            DialogmoteStatus.Innkalt => $"dialogmøte {d.Motetype} called for {d.Dato:yyyy-MM-dd}",
            DialogmoteStatus.Avholdt => $"dialogmøte {d.Motetype} held on {d.Dato:yyyy-MM-dd}",
            _ => $"dialogmøte {d.Motetype} not needed (UNNTAK, with the veileder's reasons)",
        };
        var notices = Motebehov
            .Where(m => m.HarBehov)
            .Select(m => new Effect(
                Key: $"motebehov:{m.Id}:avklart",
                On: today,
                Kind: EffectKind.Notice,
                Code: SporsmalCodes.MotebehovAvklart,
                To: RecipientOf(m.Fra),
                Cause: $"REQUEST_FEEDBACK: møtebehov from {m.Fra} of {Time.NorwegianTime.DateOf(m.At):yyyy-MM-dd}: {decision}"))
            .Where(notice => !Effects.Any(e => e.Key == notice.Key))
            .ToImmutableArray();
        return (this with { Effects = Effects.AddRange(notices) }, notices);
    }

    private static Recipient RecipientOf(MotebehovFra fra) => fra switch
    {
        MotebehovFra.Arbeidstaker => Recipient.Arbeidstaker,
        MotebehovFra.Arbeidsgiver => Recipient.Arbeidsgiver,
        MotebehovFra.Sykmelder => Recipient.Sykmelder,
        _ => throw new ArgumentOutOfRangeException(nameof(fra), fra, null),
    };
}
