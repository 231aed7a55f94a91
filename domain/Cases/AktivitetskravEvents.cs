using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.Cases;

/// <summary>A veileder assessed the aktivitetskrav; IkkeOppfylt sends the forhåndsvarsel (F1, F2).</summary>
public sealed record AktivitetskravVurdert(string Id, DateTimeOffset At, AktivitetskravVurdering Vurdering) : CaseEvent(Id, At)
{
    public override void Validate()
    {
        base.Validate();
        if (Vurdering is null)
        {
            throw new InvalidInputException("vurdering", "is required");
        }
    }
}

/// <summary>F3: the person replied to the forhåndsvarsel: back to assessment.</summary>
public sealed record ForhandsvarselSvar(string Id, DateTimeOffset At) : CaseEvent(Id, At);
