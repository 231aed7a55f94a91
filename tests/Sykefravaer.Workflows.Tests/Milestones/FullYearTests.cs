using Sykefravaer.Testing;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Workflows.Tests.Infrastructure;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Milestones;

/// <summary>A 100 % sick leave with an employer that lasts past maksdato: every employer milestone of the default
/// rule set, SNART_SLUTT_SYKEPENGER (S + 273) and MAKSDATO (M1), which starts the AAP transition and closes the case.</summary>
public sealed class FullYearTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    [TimeSkippingFact]
    public async Task A_full_year_fires_every_employer_milestone_once_on_its_due_date_and_MAKSDATO_closes_the_case()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(400)));

        var closed = await person.FinalResultAsync();

        Assert.NotNull(closed);
        var maksdato = closed.State.Maksdato!.Value;
        Assert.InRange(maksdato.DayNumber - Days.S.DayNumber, 51 * 7, 53 * 7);
        Assert.Equal(("MAKSDATO", maksdato), (closed.State.Outcome, closed.State.Closed));
        EveryEmployerMilestoneFiredOnItsDueDate(closed, Days);
        Result(closed, NavOppfolgingUtenArbeidsgiver, "NOT_APPLICABLE");
        StoreMatchesTimeline(Effects, closed);
        SameProjection(closed, Effects.ProjectionOf(closed.CaseId));
    }

    [TimeSkippingFact]
    public async Task SNART_SLUTT_SYKEPENGER_sends_the_notice_and_a_veileder_task_at_S_plus_273()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(300)));

        await AdvanceToAsync(Days.SPlus(273));
        var projection = await person.QueryAsync();
        Fired(projection, SnartSluttSykepenger, Days.SPlus(273));
        Assert.Contains(Key(projection.CaseId, "milestone:SNART_SLUTT_SYKEPENGER:Arbeidstaker"), NoticeKeys(Effects, projection.CaseId));
        Assert.Contains(Key(projection.CaseId, "milestone:SNART_SLUTT_SYKEPENGER:Veileder"), TaskKeys(Effects, projection.CaseId));
    }

    [TimeSkippingFact]
    public async Task SNART_SLUTT_SYKEPENGER_is_not_applicable_for_a_person_67_or_older_on_its_due_date()
    {
        var person = NewPerson(birthDate: Days.SPlus(200).AddYears(-67));
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(300)));

        await AdvanceToAsync(Days.SPlus(274));
        Result(await person.QueryAsync(), SnartSluttSykepenger, "NOT_APPLICABLE");
        Assert.DoesNotContain(Effects.Notices, n => n.Notice.Code == SnartSluttSykepenger);
    }

    [TimeSkippingFact]
    public async Task MAKSDATO_starts_the_AAP_transition_with_a_notice_and_a_task_due_at_maksdato_and_closes_the_case()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(400), orgnr: null));

        var closed = await person.FinalResultAsync();

        Assert.NotNull(closed);
        var maksdato = closed.State.Maksdato!.Value;
        Fired(closed, Maksdato, maksdato);
        var notice = Assert.Single(Effects.Notices, n => n.Notice.Code == Maksdato).Notice;
        var task = Assert.Single(Effects.Tasks, t => t.Task.Code == Maksdato).Task;
        Assert.Equal((Recipient.Arbeidstaker, maksdato, maksdato), (notice.To, notice.Payload.Maksdato, notice.Payload.DecidedOn));
        Assert.Equal((maksdato, maksdato), (task.DecidedOn, task.Due));
        Assert.Equal(("MAKSDATO", maksdato), (closed.State.Outcome, closed.State.Closed));

        // Closed: nothing fires any more, and the run is over.
        var (_, status) = await person.DescribeAsync();
        Assert.Equal(Temporalio.Api.Enums.V1.WorkflowExecutionStatus.Completed, status);
    }
}
