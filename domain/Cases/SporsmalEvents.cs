using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Sporsmal;

namespace Sykefravaer.Domain.Cases;

/// <summary>KARTLEGGING_SVAR: the person answered the three week-6 questions. Taken up within 31 days of the
/// notice, once; a veileder task follows (flagged risk when an answer is not the low-risk one).</summary>
public sealed record KartleggingSvarMottatt(string Id, DateTimeOffset At, KartleggingSvar Svar) : CaseEvent(Id, At)
{
    public override void Validate()
    {
        base.Validate();
        if (Svar is null)
        {
            throw new InvalidInputException("svar", "is required");
        }

        Defined(Svar.TilbakeTilJobben, "tilbakeTilJobben");
        Defined(Svar.Samarbeid, "samarbeid");
        Defined(Svar.Varighet, "varighet");
    }

    private static void Defined<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new InvalidInputException(field, $"must be one of {string.Join(", ", Enum.GetNames<TEnum>())}");
        }
    }
}

/// <summary>SNART_SLUTT_SVAR: the person answered the week-39 question whether they want follow-up from NAV.</summary>
public sealed record SnartSluttSvarMottatt(string Id, DateTimeOffset At, bool OnskerOppfolging) : CaseEvent(Id, At);
