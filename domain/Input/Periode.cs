namespace Sykefravaer.Domain.Input;

/// <summary>An inclusive period of days, <c>fom..tom</c>, within <see cref="SaneDates"/>.</summary>
public readonly record struct Periode
{
    private Periode(DateOnly fom, DateOnly tom)
    {
        Fom = fom;
        Tom = tom;
    }

    public DateOnly Fom { get; }

    public DateOnly Tom { get; }

    public int Days => Tom.DayNumber - Fom.DayNumber + 1;

    public static Periode Of(DateOnly fom, DateOnly tom, string field = "periode")
    {
        SaneDates.Check(fom, $"{field}.fom");
        SaneDates.Check(tom, $"{field}.tom");
        return fom <= tom
            ? new Periode(fom, tom)
            : throw new InvalidInputException(field, $"fom ({fom:yyyy-MM-dd}) is after tom ({tom:yyyy-MM-dd})");
    }

    public bool Contains(DateOnly day) => Fom <= day && day <= Tom;

    public override string ToString() => $"{Fom:yyyy-MM-dd}..{Tom:yyyy-MM-dd}";
}
