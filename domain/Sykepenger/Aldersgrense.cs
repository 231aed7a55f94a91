namespace Sykefravaer.Domain.Sykepenger;

/// <summary>
/// M3: after the 67th birthday (counting from the day after it) at most 60 more sykepengedager; none from the 70th
/// birthday on. A birthday on 29 February falls on 28 February in other years (<see cref="DateOnly.AddYears"/>).
/// </summary>
internal sealed class Aldersgrense
{
    public const int MaxDagerAfter67 = 60;

    private readonly DateOnly? _birthday67;
    private readonly DateOnly? _birthday70;

    public Aldersgrense(DateOnly? birthDate)
    {
        _birthday67 = birthDate?.AddYears(67);
        _birthday70 = birthDate?.AddYears(70);
    }

    /// <summary>True when <paramref name="day"/> is in the reduced period, after the 67th birthday.</summary>
    public bool IsAfter67(DateOnly day) => day > _birthday67;

    /// <summary>True from the 70th birthday on: no sykepenger at all.</summary>
    public bool IsFrom70(DateOnly day) => day >= _birthday70;
}
