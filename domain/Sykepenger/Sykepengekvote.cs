namespace Sykefravaer.Domain.Sykepenger;

/// <summary>
/// The sykepengedager a person has used, walked day by day in date order: M1 (at most 248), M2 (reset after 182
/// days without sykepenger; only the last 3 years count) and M3 (the age limits of <see cref="Aldersgrense"/>).
/// </summary>
internal sealed class Sykepengekvote(Aldersgrense aldersgrense)
{
    /// <summary>M1.</summary>
    public const int MaxDager = 248;

    /// <summary>M2: 26 weeks.</summary>
    public const int DaysWithoutSykepengerForReset = 182;

    /// <summary>M2: days used longer ago than this no longer count.</summary>
    public const int CountedYears = 3;

    private readonly Queue<DateOnly> _used = new();
    private int _daysWithoutSykepenger;

    /// <summary>ftrl § 8-12 (2): once the days are used up, none are paid again until the reset of M2, even if
    /// used days fall out of the 3-year window meanwhile.</summary>
    private bool _exhausted;

    /// <summary>Sykepengedager counted on the current day: since the last reset, within the last 3 years.</summary>
    public int Used => _used.Count;

    /// <summary>The last day paid since the last reset.</summary>
    public DateOnly? LastPaid { get; private set; }

    /// <summary>Moves the window (M2) to <paramref name="day"/>; call once per day, in date order, before
    /// <see cref="TryPay"/> or <see cref="NotPaid"/>.</summary>
    public void Begin(DateOnly day)
    {
        var oldestCounted = day.AddYears(-CountedYears);
        while (_used.Count > 0 && _used.Peek() <= oldestCounted)
        {
            _used.Dequeue();
        }
    }

    /// <summary>Pays a sykepengedag on <paramref name="day"/> if any are left (M1–M3); false when refused.</summary>
    public bool TryPay(DateOnly day)
    {
        if (_exhausted || !HasDayLeft(day))
        {
            // Sick without pay is not a day "without sykepenger" towards the reset: the person is not fit for work.
            _exhausted = true;
            _daysWithoutSykepenger = 0;
            return false;
        }

        _used.Enqueue(day);
        LastPaid = day;
        _daysWithoutSykepenger = 0;
        return true;
    }

    /// <summary>A day without sykepenger (not sick, a weekend, or in an arbeidsgiverperiode): M2's reset.</summary>
    public void NotPaid()
    {
        _daysWithoutSykepenger++;
        if (_daysWithoutSykepenger >= DaysWithoutSykepengerForReset)
        {
            _used.Clear();
            _exhausted = false;
            LastPaid = null;
        }
    }

    private bool HasDayLeft(DateOnly day) =>
        !aldersgrense.IsFrom70(day)
        && _used.Count < MaxDager
        && (!aldersgrense.IsAfter67(day) || _used.Count(aldersgrense.IsAfter67) < Aldersgrense.MaxDagerAfter67);
}
