using Sykefravaer.Testing;
using Sykefravaer.Workflows.Tests.Infrastructure;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Cases;

/// <summary>
/// T1 across runs: once a case's run has ended, an event that belongs to that case (a sykmelding filling the gap
/// that closed it, a sick leave going on after MAKSDATO, anything after a death) continues it in the person's next
/// run, under the same case id, instead of starting a second case.
/// </summary>
public sealed class ClosedCaseContinuationTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    [TimeSkippingFact]
    public async Task T1_a_back_dated_sykmelding_filling_the_gap_after_the_run_ended_reopens_the_same_case()
    {
        var person = NewPerson();
        var firstRun = await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(40)));
        await DeliverAsync(person, Friskmelding("fm-1", Days.SPlus(20)));
        // Last sick day S + 19: closed after 16 non-sick days, on S + 36, and the run is over.
        var closed = await person.RunResultAsync(firstRun);
        Assert.Equal(("FRISKMELDT", Days.SPlus(36)), (closed!.State.Outcome, closed.State.Closed));

        // The friskmelding was wrong: a sykmelding for S + 20 .. S + 80 arrives late, on S + 38.
        var secondRun = await DeliverAsync(person, Sykmelding("sm-2", Days.SPlus(20), Days.SPlus(80), sentOn: Days.SPlus(38)));

        Assert.NotEqual(firstRun, secondRun);
        var reopened = await person.QueryAsync();
        Assert.Equal((closed.CaseId, Days.S, Days.SPlus(80), "OPEN"), (reopened.CaseId, reopened.State.Start, reopened.State.End, reopened.State.Outcome));
        Assert.Equal(closed.State.Maksdato, reopened.State.Maksdato);
        // OPPFOLGINGSPLAN_FRIST fired on S + 28, in the first run: the case continued knows it and does not fire it again.
        Fired(reopened, OppfolgingsplanFrist, Days.SPlus(28));
        var reminders = Effects.Notices.Where(n => n.Notice.CaseId == closed.CaseId && n.Notice.Code == OppfolgingsplanFrist).ToList();
        Assert.Equal(2, reminders.Count); // the employer and the employee, each once
        Assert.All(reminders, n => Assert.Equal(Days.SPlus(28), n.Notice.Payload.DecidedOn));
        await AdvanceToAsync(Days.SPlus(43));
        Fired(await person.QueryAsync(), AktivitetskravInfo, Days.SPlus(42));
        Assert.True(Effects.ProjectionOf(closed.CaseId)!.Version > closed.Version);
    }

    [TimeSkippingFact]
    public async Task MAKSDATO_reached_and_continued_the_sick_leave_stays_in_the_closed_case_whose_end_moves()
    {
        var person = NewPerson();
        var firstRun = await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(380)));
        await AdvanceToAsync(Days.SPlus(370));
        var closed = await person.RunResultAsync(firstRun);
        Assert.Equal("MAKSDATO", closed!.State.Outcome);
        var noticesAtMaksdato = Effects.Notices.Count;
        var tasksAtMaksdato = Effects.Tasks.Count;

        var secondRun = await DeliverAsync(person, Sykmelding("sm-2", Days.SPlus(381), Days.SPlus(420), sentOn: Days.SPlus(375)));

        var after = await person.RunResultAsync(secondRun);
        Assert.NotNull(after);
        Assert.Equal(
            (closed.CaseId, Days.S, Days.SPlus(420), "MAKSDATO", closed.State.Maksdato, closed.State.Closed),
            (after.CaseId, after.State.Start, after.State.End, after.State.Outcome, after.State.Maksdato, after.State.Closed));
        Assert.Equal((noticesAtMaksdato, tasksAtMaksdato), (Effects.Notices.Count, Effects.Tasks.Count));
        Assert.Equal(Days.SPlus(420), Effects.ProjectionOf(closed.CaseId)!.State.End);
    }

    [TimeSkippingFact]
    public async Task A_death_closes_the_follow_up_for_good_a_late_sykmelding_starts_no_case()
    {
        var person = NewPerson();
        var firstRun = await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(60)));
        await DeliverAsync(person, Dodsfall("dod-1", Days.SPlus(30), sentOn: Days.SPlus(31)));
        var closed = await person.RunResultAsync(firstRun);
        Assert.Equal("DOD", closed!.State.Outcome);
        var effectsAtDeath = (Effects.Notices.Count, Effects.Tasks.Count);

        // Weeks later, a sykmelding that by T1 would be a new tilfelle.
        var secondRun = await DeliverAsync(person, Sykmelding("sm-2", Days.SPlus(100), Days.SPlus(200)));

        var after = await person.RunResultAsync(secondRun);
        Assert.Equal((closed.CaseId, "DOD"), (after!.CaseId, after.State.Outcome));
        await AdvanceToAsync(Days.SPlus(140));
        Assert.Equal(effectsAtDeath, (Effects.Notices.Count, Effects.Tasks.Count));
        Assert.Equal(closed.State.End, Effects.ProjectionOf(closed.CaseId)!.State.End);
    }
}
