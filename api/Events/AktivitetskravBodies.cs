using System.ComponentModel;
using Sykefravaer.Api.Validation;
using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Api.Events;

/// <summary>A veileder assessed the aktivitetskrav; IKKE_OPPFYLT sends the forhåndsvarsel (F1, F2).</summary>
public sealed record AktivitetskravVurderingBody : EventBody
{
    public required VurderingUtfall Utfall { get; init; }

    [Description("The reasons; required with UNNTAK and IKKE_OPPFYLT (F1). At most 4000 characters; line breaks but no other control characters.")]
    public string? Arsak { get; init; }

    [Description("Only with IKKE_OPPFYLT: the reply deadline, 21–42 days from today (F2); default 21 days.")]
    public DateOnly? Svarfrist { get; init; }

    protected override CaseEvent? ToEvent(string id, DateTimeOffset at, DomainChecks checks)
    {
        var needsReason = Utfall is VurderingUtfall.Unntak or VurderingUtfall.IkkeOppfylt;
        var arsak = checks.Report("arsak", needsReason && string.IsNullOrWhiteSpace(Arsak) ? "is required with UNNTAK and IKKE_OPPFYLT" : null)
            && checks.FreeText(Arsak, "arsak");
        var svarfrist = Svarfrist is null || SvarfristOk(Svarfrist.Value, checks);
        return arsak && svarfrist ? new AktivitetskravVurdert(id, at, new AktivitetskravVurdering(Utfall, Arsak, Svarfrist)) : null;
    }

    private bool SvarfristOk(DateOnly svarfrist, DomainChecks checks)
    {
        if (Utfall != VurderingUtfall.IkkeOppfylt)
        {
            return checks.Report("svarfrist", "is only given with IKKE_OPPFYLT");
        }

        try
        {
            // The case sends the forhåndsvarsel on the day it applies the event: today.
            SvarfristRule.For(checks.Today, svarfrist);
            return true;
        }
        catch (InvalidInputException outside)
        {
            return checks.Report("svarfrist", outside.Problem);
        }
    }
}

/// <summary>F3: the person replied to the forhåndsvarsel: back to assessment.</summary>
public sealed record ForhandsvarselSvarBody : EventBody
{
    protected override CaseEvent? ToEvent(string id, DateTimeOffset at, DomainChecks checks) => new ForhandsvarselSvar(id, at);
}
