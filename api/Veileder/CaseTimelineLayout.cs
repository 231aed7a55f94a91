using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Api.Veileder;

/// <summary>
/// Where things go in the case's timeline picture: a day axis from the tilfelle's start to whichever comes last of
/// its end, today and the last milestone, scaled to the picture's width; the tilfelle as a bar, each milestone as a
/// marker at its due date, each notice and task at the day it was decided, each event that came in at its day, and today as a line. Pure arithmetic, so
/// the picture is tested without a browser too.
/// </summary>
public sealed class CaseTimelineLayout
{
    public const double Width = 960;

    // Room for the row labels (Innkommet, Oppgaver, Varsler) left of the tilfelle's first day.
    public const double Left = 84;

    public const double Right = 24;

    private readonly DateOnly _first;
    private readonly double _pixelsPerDay;

    public CaseTimelineLayout(
        CaseSummary state, IReadOnlyList<MilestoneView> milestones, IReadOnlyList<Effect> effects, DateOnly today, IReadOnlyList<PeriodView>? periods = null,
        IReadOnlyList<EventView>? events = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(milestones);
        ArgumentNullException.ThrowIfNull(effects);
        _first = state.Start;
        Last = new[] { state.End, today }
            .Concat(milestones.Where(m => m.Due is not null).Select(m => m.Due!.Value))
            .Concat(effects.Select(e => e.On))
            .Concat((events ?? []).Select(e => e.On))
            .Max();
        _pixelsPerDay = (Width - Left - Right) / Math.Max(1, Last.DayNumber - _first.DayNumber);
        Today = today;
        State = state;
        Milestones = milestones;
        Effects = effects;
        Periods = periods ?? [];
        Events = events ?? [];
    }

    /// <summary>Gets what came in (plans, møtebehov, dialogmøter, assessments, the svarfrist), drawn on their own row.</summary>
    public IReadOnlyList<EventView> Events { get; }

    /// <summary>Gets the sykmelding periods, drawn on the tilfelle with their grade.</summary>
    public IReadOnlyList<PeriodView> Periods { get; }

    /// <summary>The height of a period's bar: a full sykmelding fills the bar, a gradert one its share (at least a
    /// fifth, so 20 % stays visible).</summary>
    public static double BarHeight(int grad) => 16 * Math.Max(0.2, grad / 100.0);

    public DateOnly Last { get; }

    public DateOnly Today { get; }

    public CaseSummary State { get; }

    public IReadOnlyList<MilestoneView> Milestones { get; }

    public IReadOnlyList<Effect> Effects { get; }

    /// <summary>The x of a day; days before the start are at the start.</summary>
    public double X(DateOnly day) => Left + (Math.Max(0, day.DayNumber - _first.DayNumber) * _pixelsPerDay);

    /// <summary>The row a milestone's label goes in, in turn, so the labels of milestones days apart do not overlap.</summary>
    public static int LabelRow(int index) => index % 5;

    /// <summary>How a label at <paramref name="x"/> is anchored: inward near the picture's edges, so none is cut.</summary>
    public static string AnchorAt(double x) => x < Left + 60 ? "start" : x > Width - Right - 60 ? "end" : "middle";

    /// <summary>The axis's ticks: the start and every fourth week after it (week 4, 8, …), as veiledere count.</summary>
    public IEnumerable<(DateOnly Day, int Week)> WeekTicks()
    {
        for (var week = 0; _first.AddDays(week * 7) <= Last; week += 4)
        {
            yield return (_first.AddDays(week * 7), week);
        }
    }
}
