using Sykefravaer.Testing;
using Sykefravaer.Workflows.Tests.Infrastructure;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Events;

/// <summary>T6 through the sykmeldingKorrigert and sykmeldingAvbrutt events: the period is replaced or removed and
/// the milestones are recomputed from the new facts.</summary>
public sealed class SykmeldingChangeTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    [TimeSkippingFact]
    public async Task T6_sykmeldingKorrigert_with_an_earlier_fom_moves_S_and_the_due_dates_and_an_overdue_milestone_fires_at_once()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(60)));
        var newStart = Days.S.AddDays(-10);

        await DeliverAsync(person, SykmeldingKorrigert("sm-1", newStart, Days.SPlus(60), sentOn: Days.SPlus(20)));
        var projection = await person.QueryAsync();
        Assert.Equal(newStart, projection.State.Start);
        Assert.Equal(newStart.AddDays(42), Milestone(projection, AktivitetskravInfo).Due);

        // OPPFOLGINGSPLAN_FRIST is now due S' + 28 = S + 18, already passed: it fires on the day the correction came.
        Fired(projection, OppfolgingsplanFrist, newStart.AddDays(28), firedOn: Days.SPlus(20));
        Assert.Equal(2, NoticeKeys(Effects, projection.CaseId).Count);
    }

    [TimeSkippingFact]
    public async Task T6_sykmeldingKorrigert_with_an_earlier_tom_shortens_the_case_which_closes_by_T7()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(90)));
        await DeliverAsync(person, SykmeldingKorrigert("sm-1", Days.S, Days.SPlus(30), sentOn: Days.SPlus(20)));

        var closed = await person.FinalResultAsync();

        Assert.NotNull(closed);
        Assert.Equal(("FRISKMELDT", Days.SPlus(30), Days.SPlus(47)), (closed.State.Outcome, closed.State.End, closed.State.Closed));
        Fired(closed, OppfolgingsplanFrist, Days.SPlus(28));
        Result(closed, AktivitetskravInfo, "NOT_APPLICABLE");
        Result(closed, MotebehovSporsmal, "CANCELLED");
    }

    [TimeSkippingFact]
    public async Task T6_sykmeldingAvbrutt_removes_the_withdrawn_period_and_the_case_closes_by_T7_after_the_remaining_one()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(20)));
        await DeliverAsync(person, Sykmelding("sm-2", Days.SPlus(21), Days.SPlus(90), sentOn: Days.SPlus(19)));
        await DeliverAsync(person, SykmeldingAvbrutt("sm-2", Days.SPlus(25)));

        var closed = await person.FinalResultAsync();

        Assert.NotNull(closed);
        Assert.Equal(("FRISKMELDT", Days.SPlus(20), Days.SPlus(37)), (closed.State.Outcome, closed.State.End, closed.State.Closed));
        Fired(closed, OppfolgingsplanFrist, Days.SPlus(28));
        Result(closed, AktivitetskravInfo, "NOT_APPLICABLE");
    }

    [TimeSkippingFact]
    public async Task T6_sykmeldingAvbrutt_of_the_only_sykmelding_ends_the_run_with_no_case_and_nothing_sent()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(90)));
        await DeliverAsync(person, SykmeldingAvbrutt("sm-1", Days.SPlus(3)));

        var result = await person.FinalResultAsync();

        Assert.Null(result);
        Assert.Empty(Effects.Notices);
        Assert.Empty(Effects.Tasks);
    }

    [TimeSkippingFact]
    public async Task T6_sykmeldingAvbrutt_of_every_sykmelding_closes_the_stored_case_as_AVBRUTT_instead_of_leaving_it_open()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(90)));
        var caseId = (await person.QueryAsync()).CaseId;
        Assert.Equal("OPEN", Effects.ProjectionOf(caseId)!.State.Outcome);

        await DeliverAsync(person, SykmeldingAvbrutt("sm-1", Days.SPlus(3)));
        Assert.Null(await person.FinalResultAsync());

        var stored = Effects.ProjectionOf(caseId)!;
        Assert.Equal(("AVBRUTT", (DateOnly?)Days.SPlus(3)), (stored.State.Outcome, stored.State.Closed));
        Assert.DoesNotContain(stored.Milestones, m => m.Result == "PENDING");
    }
}
