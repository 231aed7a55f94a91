using System.Collections.Immutable;
using Sykefravaer.Domain.CasePeriod;

namespace Sykefravaer.Domain.Milestones;

/// <summary>
/// What the milestone conditions may look at: the case period and the follow-up facts recorded so far. Built by the
/// case from its events; the rule set never sees events or the clock.
/// </summary>
/// <param name="Maksdato">M1–M3 for this tilfelle, assuming the person stays sick after its planned end.</param>
/// <param name="BirthDate">Null when unknown: the age conditions then assume the person is under 67.</param>
public sealed record MilestoneFacts(
    Oppfolgingstilfelle Tilfelle,
    DateOnly Maksdato,
    DateOnly? BirthDate,
    bool OppfolgingsplanSharedWithSykmelder,
    ImmutableArray<DialogmoteFact> Dialogmoter,
    bool MotebehovRequested,
    bool AktivitetskravAssessed)
{
    /// <summary>The person's earlier tilfeller, this one excluded (GJENTAKENDE_SYKEFRAVAER).</summary>
    public ImmutableArray<Oppfolgingstilfelle> EarlierTilfeller { get; init; } = [];

    /// <summary>The Norwegian date an oppfølgingsplan was first shared, with anyone; null while none is.</summary>
    public DateOnly? OppfolgingsplanFirstSharedOn { get; init; }

    /// <summary>A KARTLEGGING answer indicating risk was taken up (KARTLEGGING_SVAR_RISIKO).</summary>
    public bool KartleggingIndicatedRisk { get; init; }
}

/// <summary>A dialogmøte recorded for the case: held (<paramref name="Avholdt"/>) or exempted with a reason.</summary>
public sealed record DialogmoteFact(int Motetype, bool Avholdt, DateOnly Dato);
