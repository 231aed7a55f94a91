using System.Globalization;
using System.Text.Json;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Workflows;

/// <summary>The events that came in to a case, for its projection: derived purely from the facts the case holds.</summary>
public static class CaseEventViews
{
    public static IReadOnlyList<EventView> From(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var events = new List<EventView>();
        events.AddRange(state.Oppfolgingsplaner.Select(p =>
            new EventView(DayOf(p.At), EventCodes.OppfolgingsplanDelt, CodeOf(p.Mottaker))));
        events.AddRange(state.Motebehov.Select(m => new EventView(
            DayOf(m.At), m.HarBehov ? EventCodes.MotebehovMeldt : EventCodes.MotebehovIkkeBehov, CodeOf(m.Fra))));
        events.AddRange(state.Dialogmoter.Select(d => new EventView(
            d.Dato,
            d.Status switch
            {
                DialogmoteStatus.Avholdt => EventCodes.DialogmoteAvholdt,
                DialogmoteStatus.Innkalt => EventCodes.DialogmoteInnkalt,
                _ => EventCodes.DialogmoteUnntak,
            },
            d.Motetype.ToString(CultureInfo.InvariantCulture))));
        events.AddRange(state.Vurderinger.Select(v =>
            new EventView(DayOf(v.At), EventCodes.AktivitetskravVurdert, CodeOf(v.Vurdering.Utfall))));
        if (state.Aktivitetskrav.Svarfrist is { } svarfrist)
        {
            events.Add(new EventView(svarfrist, EventCodes.ForhandsvarselSvarfrist, null));
        }

        if (state.Aktivitetskrav.SvarMottattOn is { } svar)
        {
            events.Add(new EventView(svar, EventCodes.ForhandsvarselSvar, null));
        }

        events.AddRange(state.KartleggingSvar.Select(k =>
            new EventView(DayOf(k.At), EventCodes.KartleggingSvar, k.Svar.IndicatesRisk ? "RISIKO" : "LAV_RISIKO")));
        events.AddRange(state.SnartSluttSvar.Select(s => new EventView(
            DayOf(s.At), EventCodes.SnartSluttSvar, s.OnskerOppfolging ? "ONSKER_OPPFOLGING" : "ONSKER_IKKE_OPPFOLGING")));
        if (state.Arbeidsformidling is { } periode)
        {
            events.Add(new EventView(
                periode.Fom, EventCodes.FriskmeldingTilArbeidsformidling, periode.Tom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        // Stable order: by day, then in the order the kinds are listed above (a sort that keeps equal keys in place).
        return [.. events.OrderBy(e => e.On)];
    }

    private static DateOnly DayOf(DateTimeOffset at) => NorwegianTime.DateOf(at);

    private static string CodeOf<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());
}
