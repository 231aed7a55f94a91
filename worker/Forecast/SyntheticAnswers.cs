using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Sporsmal;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Worker.Forecast;

/// <summary>
/// Answers to the questions rule set 2027-behov asks (docs/NEEDS-BASED.md), for a synthetic person still sick when they
/// are asked: KARTLEGGING on S + 42, SNART_SLUTT_SYKEPENGER on S + 273. The shares are assumptions, not NAV figures
/// (NAV publishes no answer rates for its pilots): 60 % answer the kartlegging within 20 days, two in five of them with
/// an answer that indicates risk, more often the longer the sick leave; half answer the week-39 question, two in five
/// of them asking for follow-up.
/// </summary>
internal static class SyntheticAnswers
{
    /// <summary>The answers of a person sick from <paramref name="start"/> to <paramref name="end"/>, if they give any.</summary>
    public static IReadOnlyList<CaseEvent> For(Random random, string id, DateOnly start, DateOnly end)
    {
        var answers = new List<CaseEvent>(2);
#pragma warning disable CA5394 // not for security: a reproducible sample
        if (end >= start.AddDays(42) && random.NextDouble() < 0.6)
        {
            var longer = end >= start.AddDays(182);
            var svar = new KartleggingSvar(
                random.NextDouble() < (longer ? 0.6 : 0.85) ? TilbakeTilJobben.Sannsynlig : TilbakeTilJobben.Usikker,
                random.NextDouble() < 0.85 ? SamarbeidMedArbeidsgiver.God : SamarbeidMedArbeidsgiver.Darlig,
                random.NextDouble() < (longer ? 0.7 : 0.1) ? ForventetVarighet.OverSeksManeder : ForventetVarighet.UnderSeksManeder);
            answers.Add(new KartleggingSvarMottatt($"{id}-ks", At(start.AddDays(43 + random.Next(20))), svar));
        }

        if (end >= start.AddDays(273) && random.NextDouble() < 0.5)
        {
            answers.Add(new SnartSluttSvarMottatt($"{id}-ss", At(start.AddDays(274 + random.Next(20))), OnskerOppfolging: random.NextDouble() < 0.4));
        }
#pragma warning restore CA5394

        return answers;
    }

    private static DateTimeOffset At(DateOnly day) => NorwegianTime.StartOf(day).AddHours(18);
}
