using Sykefravaer.Activities.Projection;
using Sykefravaer.Api.Veileder;

namespace Sykefravaer.Api.Tests.Veileder;

/// <summary>Where the timeline picture puts things: the tilfelle's start at the left, the last date at the right,
/// days in between in proportion, labels anchored inward at the edges.</summary>
public sealed class CaseTimelineLayoutTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    [Fact]
    public void The_axis_runs_from_the_start_to_the_latest_of_end_today_and_milestones()
    {
        var layout = new CaseTimelineLayout(
            new CaseSummary(Start, Start.AddDays(30), null, "OPEN", null),
            [new MilestoneView("DIALOGMOTE2_FRIST", Start.AddDays(182), "PENDING", null)],
            [],
            Start.AddDays(10));

        Assert.Equal(Start.AddDays(182), layout.Last);
        Assert.Equal(CaseTimelineLayout.Left, layout.X(Start));
        Assert.Equal(CaseTimelineLayout.Width - CaseTimelineLayout.Right, layout.X(Start.AddDays(182)), 6);
        Assert.Equal((layout.X(Start) + layout.X(Start.AddDays(182))) / 2, layout.X(Start.AddDays(91)), 6);
        Assert.Equal(layout.X(Start), layout.X(Start.AddDays(-3)));
        Assert.Equal([0, 4, 8, 12, 16, 20, 24], layout.WeekTicks().Select(tick => tick.Week));
    }

    [Fact]
    public void A_svarfrist_after_everything_else_still_fits_in_the_picture()
    {
        var svarfrist = new EventView(Start.AddDays(90), EventCodes.ForhandsvarselSvarfrist, null);
        var layout = new CaseTimelineLayout(
            new CaseSummary(Start, Start.AddDays(60), null, "OPEN", null), [], [], Start.AddDays(70), events: [svarfrist]);

        Assert.Equal(svarfrist.On, layout.Last);
        Assert.Equal(CaseTimelineLayout.Width - CaseTimelineLayout.Right, layout.X(svarfrist.On), 6);
    }

    [Fact]
    public void The_history_lists_what_came_in_before_what_it_caused_on_the_same_day()
    {
        var day = Start.AddDays(20);
        var projection = new CaseProjection(
            Guid.NewGuid(), "ref", 3, new CaseSummary(Start, Start.AddDays(60), null, "OPEN", null), [],
            [new Sykefravaer.Domain.Effects.Effect("motebehov:mb-1", day, Sykefravaer.Domain.Effects.EffectKind.Task, "MOTEBEHOV", Sykefravaer.Domain.Effects.Recipient.Veileder, "Møtebehov")],
            Events: [new EventView(day, EventCodes.MotebehovMeldt, "ARBEIDSGIVER"), new EventView(Start.AddDays(2), EventCodes.OppfolgingsplanDelt, "NAV")]);

        var rows = HistoryRow.Of(projection);

        Assert.Equal(
            [(Start.AddDays(2), "Oppfølgingsplan delt med NAV", ""), (day, "Møtebehov meldt", "Arbeidsgiver"), (day, "Oppgave: Møtebehov", "Veileder")],
            rows.Select(r => (r.On, r.What, r.Who)));
    }

    [Fact]
    public void A_gradert_period_is_drawn_by_its_share_of_the_bar_and_a_small_grade_stays_visible() =>
        Assert.Equal([16.0, 8.0, 3.2], [CaseTimelineLayout.BarHeight(100), CaseTimelineLayout.BarHeight(50), CaseTimelineLayout.BarHeight(10)]);

    [Fact]
    public void Labels_near_the_edges_are_anchored_inward() =>
        Assert.Equal(
            ["start", "middle", "end"],
            [CaseTimelineLayout.AnchorAt(CaseTimelineLayout.Left), CaseTimelineLayout.AnchorAt(CaseTimelineLayout.Width / 2), CaseTimelineLayout.AnchorAt(CaseTimelineLayout.Width - CaseTimelineLayout.Right)]);
}
