using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Sykefravaer.Domain.CasePeriod;

namespace Sykefravaer.Domain.Cases;

/// <summary>The case period, derived from the sykmeldinger (T1–T7).</summary>
public sealed partial record CaseState
{
    /// <summary>This case's tilfelle: the first in the ledger still open on <see cref="OpenedOn"/> (T1, T7), or
    /// null before any sick day is known. Later tilfeller in the ledger are <see cref="CarryOver"/>; earlier,
    /// closed ones were never this case and fire nothing.</summary>
    [JsonIgnore]
    public Oppfolgingstilfelle? Tilfelle
    {
        get
        {
            var tilfeller = Sykmeldinger.Tilfeller();
            if (tilfeller.IsEmpty)
            {
                return null;
            }

            return OpenedOn is { } opened
                ? tilfeller.FirstOrDefault(t => t.ClosesOn > opened) ?? tilfeller[^1]
                : tilfeller[0];
        }
    }

    /// <summary>The day the case closes by itself if nothing changes: T7 (16 non-sick days after the last sick
    /// day), or the day after a friskmelding til arbeidsformidling ends if that is later.</summary>
    [JsonIgnore]
    public DateOnly? ClosesOn => Tilfelle is { } tilfelle ? ClosesOnFor(tilfelle) : null;

    /// <summary>M1–M3: the last day sykepenger can be paid if the person stays sick after the tilfelle's planned end.</summary>
    [JsonIgnore]
    public DateOnly? Maksdato => Tilfelle is { } tilfelle ? MaksdatoFor(tilfelle) : null;

    /// <summary>
    /// Sykmeldinger that by T1 belong to a later case (16 or more non-sick days after this tilfelle's last sick
    /// day), in date order. They never join this case; when it has closed, the workflow starts the next case
    /// with them.
    /// </summary>
    [JsonIgnore]
    public ImmutableArray<Sykmelding> CarryOver
    {
        get
        {
            if (Tilfelle is not { } tilfelle)
            {
                return [];
            }

            return Sykmeldinger.Sykmeldinger.Values
                .Where(s => BelongsToLaterTilfelle(tilfelle, s))
                .Concat(ReceivedAfterClose.Values)
                .OrderBy(s => s.Periode.Fom)
                .ThenBy(s => s.Id, StringComparer.Ordinal)
                .ToImmutableArray();
        }
    }

    /// <summary>Friskmeldinger dated after this tilfelle's last sick day: they may cut a sykmelding of the later
    /// case (<see cref="CarryOver"/>), so they go with it.</summary>
    [JsonIgnore]
    public ImmutableArray<DateOnly> CarryOverFriskmeldinger =>
        Tilfelle is { } tilfelle ? [.. Sykmeldinger.Friskmeldinger.Where(dato => dato > tilfelle.End)] : [];

    private static bool BelongsToLaterTilfelle(Oppfolgingstilfelle tilfelle, Sykmelding sykmelding) =>
        sykmelding.Periode.Fom > tilfelle.End && !GapRule.Continues(tilfelle.End, sykmelding.Periode.Fom);

    private DateOnly ClosesOnFor(Oppfolgingstilfelle tilfelle)
    {
        var afterArbeidsformidling = Arbeidsformidling?.Tom.AddDays(1);
        return afterArbeidsformidling > tilfelle.ClosesOn ? afterArbeidsformidling.Value : tilfelle.ClosesOn;
    }

    private DateOnly MaksdatoFor(Oppfolgingstilfelle tilfelle) => maksdato.For(tilfelle, EarlierTilfeller, BirthDate);

    // Not a fact of the case: `with` shares it between a state and its successors, which is safe because it answers
    // only for the facts it was asked with, and MaksdatoMemo's equality keeps it out of the state's.
    private readonly MaksdatoMemo maksdato = new();
}
