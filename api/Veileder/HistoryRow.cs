using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Api.Veileder;

/// <summary>One line of the case's Historikk: a notice or task that went out, or something that came in.</summary>
/// <param name="Who">Whom a notice went to, or whom an event came from.</param>
public sealed record HistoryRow(DateOnly On, string What, string Who, string Why, bool CameIn)
{
    /// <summary>Everything the case did and received, by date; on one day what came in first, as it caused the rest.</summary>
    public static IReadOnlyList<HistoryRow> Of(CaseProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var cameIn = projection.EventsCameIn.Select(e => new HistoryRow(e.On, Innkommet.LabelOf(e), Innkommet.FromOf(e), "", CameIn: true));
        var wentOut = projection.Effects.Select(e => new HistoryRow(
            e.On, $"{(e.Kind == EffectKind.Task ? "Oppgave" : "Varsel")}: {Hendelser.LabelOf(e.Code)}", RecipientOf(e.To), e.Cause, CameIn: false));
        return [.. cameIn.Concat(wentOut).OrderBy(row => row.On).ThenBy(row => row.CameIn ? 0 : 1)];
    }

    private static string RecipientOf(Recipient to) => to switch
    {
        Recipient.Arbeidstaker => "Den sykmeldte",
        Recipient.Arbeidsgiver => "Arbeidsgiver",
        Recipient.Sykmelder => "Sykmelder",
        _ => "Veileder",
    };
}
