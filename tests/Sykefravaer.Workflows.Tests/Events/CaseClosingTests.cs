using Sykefravaer.Testing;
using Sykefravaer.Workflows.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Events;

/// <summary>The events that end a case: friskmelding (T7), friskmeldingTilArbeidsformidling (ftrl § 8-5) and
/// dodsfall; a closed case cancels its pending milestones and sends nothing more.</summary>
public sealed class CaseClosingTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    [TimeSkippingFact]
    public async Task T7_friskmelding_makes_the_day_before_the_last_sick_day_and_the_case_closes_16_non_sick_days_later()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(90)));
        await DeliverAsync(person, Friskmelding("fm-1", Days.SPlus(30)));

        await AdvanceToAsync(Days.SPlus(45));
        Assert.Equal("OPEN", (await person.QueryAsync()).State.Outcome);

        var closed = await person.FinalResultAsync();

        Assert.NotNull(closed);
        Assert.Equal(("FRISKMELDT", Days.SPlus(29), Days.SPlus(46)), (closed.State.Outcome, closed.State.End, closed.State.Closed));
        Fired(closed, OppfolgingsplanFrist, Days.SPlus(28));
        Result(closed, AktivitetskravInfo, "NOT_APPLICABLE");
        Result(closed, MotebehovSporsmal, "CANCELLED");
        Result(closed, Dialogmote2Frist, "CANCELLED");
        StoreMatchesTimeline(Effects, closed);
    }

    [TimeSkippingFact]
    public async Task FriskmeldingTilArbeidsformidling_keeps_the_case_open_until_its_tom_and_then_closes_it()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(200)));
        var fom = Days.SPlus(100);
        var tom = fom.AddDays(12 * 7 - 1);
        await DeliverAsync(person, FriskmeldingTilArbeidsformidling("fta-1", fom, tom));

        var closed = await person.FinalResultAsync();

        Assert.NotNull(closed);
        Assert.Equal(("FRISKMELDT", fom.AddDays(-1), tom.AddDays(1)), (closed.State.Outcome, closed.State.End, closed.State.Closed));
        Result(closed, Dialogmote2Kandidat, "NOT_APPLICABLE");
        Result(closed, SnartSluttSykepenger, "NOT_APPLICABLE");
        Assert.DoesNotContain(closed.Milestones, m => m.Result == "PENDING");
    }

    [TimeSkippingFact]
    public async Task Dodsfall_closes_the_case_on_the_date_of_death_cancels_pending_milestones_and_nothing_more_is_sent()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(300)));
        await AdvanceToAsync(Days.SPlus(61));
        var sentBefore = Effects.Notices.Count + Effects.Tasks.Count;

        await DeliverAsync(person, Dodsfall("dod-1", Days.SPlus(60), sentOn: Days.SPlus(62)));
        var closed = await person.FinalResultAsync();

        Assert.NotNull(closed);
        Assert.Equal(("DOD", Days.SPlus(60)), (closed.State.Outcome, closed.State.Closed));
        Fired(closed, AktivitetskravVurdering, Days.SPlus(55));
        Result(closed, MotebehovSporsmal, "CANCELLED");
        Result(closed, SnartSluttSykepenger, "CANCELLED");
        Assert.Equal(sentBefore, Effects.Notices.Count + Effects.Tasks.Count);
        Assert.Equal(WorkflowExecutionStatus.Completed, (await person.DescribeAsync()).Status);
    }
}
