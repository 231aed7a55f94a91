using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.Aktivitetskrav;

/// <summary>F2: the forhåndsvarsel's reply deadline, chosen by the veileder between 21 and 42 days after sending.</summary>
public static class SvarfristRule
{
    public const int MinDays = 21;
    public const int MaxDays = 42;
    public const int DefaultDays = MinDays;

    /// <summary>The svarfrist for a forhåndsvarsel sent on <paramref name="sentOn"/>: <paramref name="chosen"/>, or
    /// 21 days when none was chosen. The last day a reply is on time.</summary>
    /// <exception cref="InvalidInputException">When <paramref name="chosen"/> is outside 21–42 days.</exception>
    public static DateOnly For(DateOnly sentOn, DateOnly? chosen)
    {
        if (chosen is null)
        {
            return sentOn.AddDays(DefaultDays);
        }

        return Problem(sentOn, chosen.Value) is { } problem
            ? throw new InvalidInputException("svarfrist", problem)
            : chosen.Value;
    }

    /// <summary>What is wrong with <paramref name="chosen"/> as the svarfrist of a forhåndsvarsel sent on
    /// <paramref name="sentOn"/>, or null.</summary>
    public static string? Problem(DateOnly sentOn, DateOnly chosen)
    {
        var days = chosen.DayNumber - sentOn.DayNumber;
        return days is >= MinDays and <= MaxDays
            ? null
            : $"must be between {MinDays} and {MaxDays} days after the forhåndsvarsel is sent on {sentOn:yyyy-MM-dd} " +
              $"({sentOn.AddDays(MinDays):yyyy-MM-dd}..{sentOn.AddDays(MaxDays):yyyy-MM-dd}), was {chosen:yyyy-MM-dd} ({days} days)";
    }
}
