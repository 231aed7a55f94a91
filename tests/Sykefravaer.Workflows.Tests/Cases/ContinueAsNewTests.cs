using Sykefravaer.Testing;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Workflows.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Cases;

/// <summary>
/// Continue-as-new, forced by a small history limit: the case carries its whole state into each fresh history, keeps
/// its case id, fires nothing twice, and loses no event that arrived just before a run handed over to the next.
/// </summary>
public sealed class ContinueAsNewTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    // A fresh run needs about ten events before it can decide anything (start, a workflow task, the projection
    // activity, the next workflow task), so this forces a hand-over every milestone or two.
    private const int SmallHistoryLimit = 25;

    [TimeSkippingFact]
    public async Task A_full_year_continued_as_new_many_times_keeps_its_state_and_fires_every_milestone_once_on_its_due_date()
    {
        var person = NewPerson(historyEventLimit: SmallHistoryLimit);
        var firstRun = await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(100)));
        await DeliverAsync(person, OppfolgingsplanDelt("op-1", PlanMottaker.Nav, Days.SPlus(20)));
        await DeliverAsync(person, Sykmelding("sm-2", Days.SPlus(101), Days.SPlus(400), sentOn: Days.SPlus(95)));
        var caseId = (await person.QueryAsync()).CaseId;

        var closed = await person.FinalResultAsync();

        Assert.NotNull(closed);
        Assert.Equal((caseId, "MAKSDATO"), (closed.CaseId, closed.State.Outcome));
        Assert.Equal(WorkflowExecutionStatus.ContinuedAsNew, (await Client.GetWorkflowHandle(person.WorkflowId, firstRun).DescribeAsync()).Status);
        Assert.NotEqual(firstRun, (await person.DescribeAsync()).RunId);
        EveryEmployerMilestoneFiredOnItsDueDate(closed, Days);
        StoreMatchesTimeline(Effects, closed);
        SameProjection(closed, Effects.ProjectionOf(caseId));
    }

    [TimeSkippingFact]
    public async Task No_event_is_lost_that_arrives_while_a_run_is_handing_over_to_the_next()
    {
        var person = NewPerson(historyEventLimit: SmallHistoryLimit);
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(200)));
        await AdvanceToAsync(Days.SPlus(10));
        var (runBefore, _) = await person.DescribeAsync();

        // A burst of events, each making the run apply it, write a task and grow past the limit: most arrive while a
        // workflow task is deciding to continue as new.
        const int burst = 30;
        await Task.WhenAll(Enumerable.Range(1, burst).Select(i =>
            person.SendAsync(Motebehov($"mb-{i}", MotebehovFra.Arbeidstaker, harBehov: true, Days.SPlus(10)))));
        await SettleAsync();

        Assert.NotEqual(runBefore, (await person.DescribeAsync()).RunId);
        var projection = await person.QueryAsync();
        var expected = Enumerable.Range(1, burst).Select(i => Key(projection.CaseId, $"motebehov:mb-{i}")).Order(StringComparer.Ordinal);
        Assert.Equal(expected, TaskKeys(Effects, projection.CaseId).Order(StringComparer.Ordinal));
        StoreMatchesTimeline(Effects, projection);

        // The case goes on as before.
        await AdvanceToAsync(Days.SPlus(42));
        Fired(await person.QueryAsync(), AktivitetskravInfo, Days.SPlus(42));
    }
}
