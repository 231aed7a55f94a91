using System.Text.Json;
using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Workflows.Contract;

/// <summary>
/// The JSON contract of an event sent to a case (the one place that maps it to a <see cref="CaseEvent"/>), shared by
/// <c>simulate</c> and the HTTP API: an object with <c>at</c>, <c>type</c> (a <see cref="CaseSignals"/> name),
/// <c>id</c> and the fields of its type. Everything that can be checked without the case is checked here, so a bad
/// event is refused before anything runs.
/// </summary>
/// <remarks>The fields per type are listed in README.md, "Simulate a case history".</remarks>
public static class CaseEventJson
{
    /// <exception cref="InvalidInputException">Names the field that is missing, unknown or wrong.</exception>
    public static CaseEvent Read(JsonElement json)
    {
        var fields = new JsonFields(json);
        var at = fields.RequiredInstant("at");
        var type = fields.RequiredString("type");
        var id = fields.RequiredString("id");
        CaseEvent e = type switch
        {
            CaseSignals.Sykmelding => new SykmeldingMottatt(id, at, ReadSykmelding(id, fields)),
            CaseSignals.SykmeldingKorrigert => new SykmeldingKorrigert(
                id, at, ReadSykmelding(fields.OptionalString("sykmeldingId") ?? id, fields)),
            CaseSignals.SykmeldingAvbrutt => new SykmeldingAvbrutt(id, at, fields.RequiredString("sykmeldingId")),
            CaseSignals.Friskmelding => new FriskmeldingMottatt(id, at, fields.RequiredDate("dato")),
            CaseSignals.OppfolgingsplanDelt => new OppfolgingsplanDelt(id, at, fields.RequiredEnum<PlanMottaker>("mottaker")),
            CaseSignals.Motebehov => new MotebehovMeldt(
                id, at, fields.RequiredEnum<MotebehovFra>("fra"), fields.RequiredBool("harBehov")),
            CaseSignals.Dialogmote => new DialogmoteRegistrert(
                id, at, fields.RequiredInt("motetype"), fields.RequiredEnum<DialogmoteStatus>("status"),
                fields.RequiredDate("dato"), fields.OptionalString("begrunnelse")),
            CaseSignals.AktivitetskravVurdering => new AktivitetskravVurdert(id, at, ReadVurdering(fields, at)),
            CaseSignals.ForhandsvarselSvar => new ForhandsvarselSvar(id, at),
            CaseSignals.FriskmeldingTilArbeidsformidling => new FriskmeldingTilArbeidsformidling(
                id, at, Periode.Of(fields.RequiredDate("fom"), fields.RequiredDate("tom"), "tom")),
            CaseSignals.Dodsfall => new Dodsfall(id, at, ReadDodsdato(fields, at)),
            _ => throw new InvalidInputException("type", $"\"{type}\" is not an event type; known: {string.Join(", ", KnownTypes)}"),
        };

        fields.RejectUnread($"a {type} event");
        e.Validate();
        return e;
    }

    public static IReadOnlyList<string> KnownTypes { get; } =
    [
        CaseSignals.Sykmelding, CaseSignals.SykmeldingKorrigert, CaseSignals.SykmeldingAvbrutt, CaseSignals.Friskmelding,
        CaseSignals.OppfolgingsplanDelt, CaseSignals.Motebehov, CaseSignals.Dialogmote, CaseSignals.AktivitetskravVurdering,
        CaseSignals.ForhandsvarselSvar, CaseSignals.FriskmeldingTilArbeidsformidling, CaseSignals.Dodsfall,
    ];

    /// <summary>A sykmelding's <c>id</c> is its own id. A correction replaces the sykmelding named by its
    /// <c>sykmeldingId</c>, or by its <c>id</c> when it has none: a second correction of one sykmelding needs an id of
    /// its own, or it is a duplicate of the first. No <c>orgnr</c> means no employer (T5); a
    /// <c>sykmeldingType</c> other than ORDINARY gives no sick days (T3).</summary>
    private static Sykmelding ReadSykmelding(string id, JsonFields fields)
    {
        var periode = Periode.Of(fields.RequiredDate("fom"), fields.RequiredDate("tom"), "tom");
        var grad = Grad.Of(fields.RequiredInt("grad"));
        var orgnr = fields.OptionalString("orgnr") is { } text ? Organisasjonsnummer.Parse(text) : null;
        var type = fields.OptionalEnum<SykmeldingType>("sykmeldingType") ?? SykmeldingType.Ordinary;
        return new Sykmelding(id, periode, grad, orgnr, type);
    }

    /// <summary>F1 and F2 as far as they can be checked from the event alone: a reason for UNNTAK and IKKE_OPPFYLT,
    /// and a svarfrist only with IKKE_OPPFYLT, 21–42 days after the forhåndsvarsel goes out (the day of <c>at</c>).</summary>
    private static AktivitetskravVurdering ReadVurdering(JsonFields fields, DateTimeOffset at)
    {
        var utfall = fields.RequiredEnum<VurderingUtfall>("utfall");
        var arsak = fields.OptionalString("arsak");
        var svarfrist = fields.OptionalDate("svarfrist");
        if (arsak is null && utfall is VurderingUtfall.Unntak or VurderingUtfall.IkkeOppfylt)
        {
            throw new InvalidInputException("arsak", $"is required when utfall is {ContractCodes.Of(utfall)}");
        }

        if (svarfrist is { } chosen)
        {
            if (utfall != VurderingUtfall.IkkeOppfylt)
            {
                throw new InvalidInputException("svarfrist", $"is only allowed when utfall is IKKE_OPPFYLT, was {ContractCodes.Of(utfall)}");
            }

            SvarfristRule.For(NorwegianTime.DateOf(at), chosen);
        }

        return new AktivitetskravVurdering(utfall, arsak, svarfrist);
    }

    private static DateOnly ReadDodsdato(JsonFields fields, DateTimeOffset at)
    {
        var dato = fields.RequiredDate("dato");
        var today = NorwegianTime.DateOf(at);
        return dato <= today
            ? dato
            : throw new InvalidInputException("dato", $"the date of death {dato:yyyy-MM-dd} is after the event's day {today:yyyy-MM-dd}");
    }
}
