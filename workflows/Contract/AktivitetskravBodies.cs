using System.ComponentModel;
using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.Cases;

namespace Sykefravaer.Workflows.Contract;

/// <summary>A veileder assessed the aktivitetskrav; IKKE_OPPFYLT sends the forhåndsvarsel (F1, F2).</summary>
public sealed record AktivitetskravVurderingBody : EventBody
{
    public required VurderingUtfall Utfall { get; init; }

    [Description("The reasons; required with UNNTAK and IKKE_OPPFYLT (F1). At most 4000 characters; line breaks but no other control characters.")]
    public string? Arsak { get; init; }

    [Description("Only with IKKE_OPPFYLT: the reply deadline, 21–42 days from today (F2); default 21 days.")]
    public DateOnly? Svarfrist { get; init; }

    protected override CaseEvent? ToEvent(string id, DateTimeOffset at, EventChecks checks)
    {
        var arsak = checks.Report("arsak", AktivitetskravVurdering.ArsakProblem(Utfall, Arsak))
            && checks.FreeText(Arsak, "arsak");
        // The case sends the forhåndsvarsel on the day it applies the event.
        var svarfrist = checks.Report("svarfrist", AktivitetskravVurdering.SvarfristProblem(Utfall, Svarfrist))
            && (Svarfrist is not { } chosen || checks.Report("svarfrist", SvarfristRule.Problem(checks.Today, chosen)));
        return arsak && svarfrist ? new AktivitetskravVurdert(id, at, new AktivitetskravVurdering(Utfall, Arsak, Svarfrist)) : null;
    }
}

/// <summary>F3: the person replied to the forhåndsvarsel: back to assessment.</summary>
public sealed record ForhandsvarselSvarBody : EventBody
{
    protected override CaseEvent? ToEvent(string id, DateTimeOffset at, EventChecks checks) => new ForhandsvarselSvar(id, at);
}
