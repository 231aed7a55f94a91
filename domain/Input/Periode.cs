using System.Text.Json.Serialization;

namespace Sykefravaer.Domain.Input;

/// <summary>An inclusive period of days, <c>fom..tom</c>, within <see cref="SaneDates"/>.</summary>
public readonly record struct Periode
{
    /// <summary>For System.Text.Json (workflow state): validates like <see cref="Of"/>, so a stored or tampered
    /// value cannot bypass the checks.</summary>
    [JsonConstructor]
    private Periode(DateOnly fom, DateOnly tom)
        : this(fom, tom, "periode")
    {
    }

    private Periode(DateOnly fom, DateOnly tom, string field)
    {
        SaneDates.Check(fom, $"{field}.fom");
        SaneDates.Check(tom, $"{field}.tom");
        if (TomProblem(fom, tom) is { } problem)
        {
            throw new InvalidInputException(field, $"tom ({tom:yyyy-MM-dd}) {problem}");
        }

        Fom = fom;
        Tom = tom;
    }

    public DateOnly Fom { get; }

    public DateOnly Tom { get; }

    public int Days => Tom.DayNumber - Fom.DayNumber + 1;

    public static Periode Of(DateOnly fom, DateOnly tom, string field = "periode") => new(fom, tom, field);

    /// <summary>What is wrong with <paramref name="tom"/> as the end of a period from <paramref name="fom"/>, or null.</summary>
    public static string? TomProblem(DateOnly fom, DateOnly tom) => tom < fom ? $"must not be before fom ({fom:yyyy-MM-dd})" : null;

    public bool Contains(DateOnly day) => Fom <= day && day <= Tom;

    public override string ToString() => $"{Fom:yyyy-MM-dd}..{Tom:yyyy-MM-dd}";
}
