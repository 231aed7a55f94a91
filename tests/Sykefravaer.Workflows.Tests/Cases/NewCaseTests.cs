using Sykefravaer.Domain.Cases;
using Sykefravaer.Testing;
using Sykefravaer.Workflows.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Cases;

/// <summary>T1 and T7 across runs: a person's workflow ID is one; each run is one case. 15 non-sick days keep the
/// case together; 16 close it, and the next sykmelding starts a new case as a new run of the same workflow.</summary>
public sealed class NewCaseTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    [TimeSkippingFact]
    public async Task T1_a_new_sykmelding_after_15_non_sick_days_following_a_friskmelding_continues_the_same_case()
    {
        var person = NewPerson();
        var firstRun = await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(40)));
        await DeliverAsync(person, Friskmelding("fm-1", Days.SPlus(20)));
        var caseId = (await person.QueryAsync()).CaseId;

        // Last sick day S + 19; S + 20 .. S + 34 are 15 non-sick days.
        var secondRun = await DeliverAsync(person, Sykmelding("sm-2", Days.SPlus(35), Days.SPlus(80), sentOn: Days.SPlus(34)));

        Assert.Equal(firstRun, secondRun);
        await AdvanceToAsync(Days.SPlus(43));
        var projection = await person.QueryAsync();
        Assert.Equal((caseId, Days.S, Days.SPlus(80), "OPEN"), (projection.CaseId, projection.State.Start, projection.State.End, projection.State.Outcome));
        Fired(projection, OppfolgingsplanFrist, Days.SPlus(28));
        Fired(projection, AktivitetskravInfo, Days.SPlus(42));
    }

    [TimeSkippingFact]
    public async Task T1_T7_a_sykmelding_after_16_non_sick_days_starts_a_new_case_as_a_new_run_of_the_same_workflow()
    {
        var person = NewPerson();
        var firstRun = await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(20)));
        await DeliverAsync(person, Friskmelding("fm-1", Days.SPlus(10)));

        // Last sick day S + 9: the case closes after 16 non-sick days, on S + 26, and its run completes.
        var first = await person.RunResultAsync(firstRun);
        Assert.NotNull(first);
        Assert.Equal(("FRISKMELDT", Days.SPlus(9), Days.SPlus(26)), (first.State.Outcome, first.State.End, first.State.Closed));
        Result(first, OppfolgingsplanFrist, "CANCELLED");

        var secondRun = await DeliverAsync(person, Sykmelding("sm-2", Days.SPlus(40), Days.SPlus(100)));

        Assert.NotEqual(firstRun, secondRun);
        Assert.Equal(person.WorkflowId, CaseWorkflowIds.ForPerson(person.PersonRef));
        await AdvanceToAsync(Days.SPlus(68));
        var second = await person.QueryAsync();
        Assert.NotEqual(first.CaseId, second.CaseId);
        Assert.Equal((Days.SPlus(40), "OPEN"), (second.State.Start, second.State.Outcome));
        Fired(second, OppfolgingsplanFrist, Days.SPlus(68));
        Assert.Empty(NoticeKeys(Effects, first.CaseId));
        Assert.Equal(2, NoticeKeys(Effects, second.CaseId).Count);
    }

    [TimeSkippingFact]
    public async Task T7_a_sykmelding_for_a_later_case_that_arrives_before_this_one_closes_starts_the_next_case_at_the_close()
    {
        var person = NewPerson();
        var firstRun = await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(10)));
        var firstCase = (await person.QueryAsync()).CaseId;

        // S + 11 .. S + 29 are 19 non-sick days: sm-2 belongs to a later case, though it arrives while this one is open.
        await DeliverAsync(person, Sykmelding("sm-2", Days.SPlus(30), Days.SPlus(80), sentOn: Days.SPlus(15)));
        Assert.Equal(firstCase, (await person.QueryAsync()).CaseId);

        Assert.Null(await person.RunResultAsync(firstRun)); // continued as new: into the next case
        var closedFirst = Effects.ProjectionOf(firstCase);
        Assert.NotNull(closedFirst);
        Assert.Equal(("FRISKMELDT", Days.SPlus(10), Days.SPlus(27)), (closedFirst.State.Outcome, closedFirst.State.End, closedFirst.State.Closed));

        await AdvanceToAsync(Days.SPlus(58));
        var next = await person.QueryAsync();
        Assert.NotEqual(firstCase, next.CaseId);
        Assert.Equal((Days.SPlus(30), Days.SPlus(80), "OPEN"), (next.State.Start, next.State.End, next.State.Outcome));
        Fired(next, OppfolgingsplanFrist, Days.SPlus(58));
        var (runId, status) = await person.DescribeAsync();
        Assert.Equal(WorkflowExecutionStatus.Running, status);
        Assert.NotEqual(firstRun, runId);
    }

    [TimeSkippingFact]
    public async Task M2_a_new_case_after_a_closed_one_counts_the_sykepengedager_the_closed_case_used()
    {
        var person = NewPerson();
        var sykmeldingA = Sykmelding("sm-1", Days.S, Days.SPlus(60));
        var friskmeldingA = Friskmelding("fm-1", Days.SPlus(50));
        var firstRun = await DeliverAsync(person, sykmeldingA);
        await DeliverAsync(person, friskmeldingA);
        Assert.NotNull(await person.RunResultAsync(firstRun)); // closed on S + 66: the run is over

        // 30 non-sick days later, well within M2's 26 weeks: the days of the first case still count.
        var sykmeldingB = Sykmelding("sm-2", Days.SPlus(80), Days.SPlus(300));
        var secondRun = await DeliverAsync(person, sykmeldingB);

        Assert.NotEqual(firstRun, secondRun);
        var closedA = CaseState.Open().Apply(sykmeldingA, sykmeldingA.At).State.Apply(friskmeldingA, friskmeldingA.At).State.Tilfelle!;
        var counted = CaseState.Open(earlierTilfeller: [closedA]).Apply(sykmeldingB, sykmeldingB.At).State.Maksdato;
        var alone = CaseState.Open().Apply(sykmeldingB, sykmeldingB.At).State.Maksdato;
        Assert.NotEqual(alone, counted);
        Assert.Equal(counted, (await person.QueryAsync()).State.Maksdato);
    }
}
