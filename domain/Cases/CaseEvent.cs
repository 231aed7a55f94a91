using System.Text.Json.Serialization;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.Cases;

/// <summary>
/// Something that happened to a case (the Events table of RULES.md). <paramref name="Id"/> is the sender's unique
/// id for the message: an event of the same type and id is a duplicate and changes nothing.
/// </summary>
/// <remarks>Events are not validated when constructed, so a workflow can always deserialise a signal; the case
/// validates them in <see cref="CaseState.Apply"/>, which throws <see cref="InvalidInputException"/> naming the
/// field and leaves the state as it was.</remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SykmeldingMottatt), "sykmelding")]
[JsonDerivedType(typeof(SykmeldingKorrigert), "sykmeldingKorrigert")]
[JsonDerivedType(typeof(SykmeldingAvbrutt), "sykmeldingAvbrutt")]
[JsonDerivedType(typeof(FriskmeldingMottatt), "friskmelding")]
[JsonDerivedType(typeof(OppfolgingsplanDelt), "oppfolgingsplanDelt")]
[JsonDerivedType(typeof(MotebehovMeldt), "motebehov")]
[JsonDerivedType(typeof(DialogmoteRegistrert), "dialogmote")]
[JsonDerivedType(typeof(AktivitetskravVurdert), "aktivitetskravVurdering")]
[JsonDerivedType(typeof(ForhandsvarselSvar), "forhandsvarselSvar")]
[JsonDerivedType(typeof(FriskmeldingTilArbeidsformidling), "friskmeldingTilArbeidsformidling")]
[JsonDerivedType(typeof(Dodsfall), "dodsfall")]
[JsonDerivedType(typeof(KartleggingSvarMottatt), "kartleggingSvar")]
[JsonDerivedType(typeof(SnartSluttSvarMottatt), "snartSluttSvar")]
public abstract record CaseEvent(string Id, DateTimeOffset At)
{
    /// <summary>Throws <see cref="InvalidInputException"/> naming the field when the event cannot be true.</summary>
    public virtual void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            throw new InvalidInputException("id", "is required");
        }
    }

    /// <summary>Type and id: what makes two deliveries the same event.</summary>
    internal string DuplicateKey => $"{GetType().Name}:{Id}";
}
