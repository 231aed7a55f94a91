using Sykefravaer.Testing;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Workflows.Tests.Infrastructure;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Events;

/// <summary>The motebehov event (ftrl § 8-7 a (2),(3)): a stated need for a meeting creates a veileder task at once,
/// at any time in the case.</summary>
public sealed class MotebehovTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    [TimeSkippingFact]
    public async Task Motebehov_with_a_need_creates_a_MOTEBEHOV_veileder_task_on_the_day_it_arrives()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(60)));
        await DeliverAsync(person, Motebehov("mb-1", MotebehovFra.Sykmelder, harBehov: true, Days.SPlus(5)));

        var projection = await person.QueryAsync();
        var task = Assert.Single(Effects.Tasks).Task;
        Assert.Equal((Key(projection.CaseId, "motebehov:mb-1"), "MOTEBEHOV", Days.SPlus(5)), (task.IdempotencyKey, task.Code, task.DecidedOn));
        StoreMatchesTimeline(Effects, projection);
    }

    [TimeSkippingFact]
    public async Task Motebehov_without_a_need_creates_no_task()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(60)));
        await DeliverAsync(person, Motebehov("mb-1", MotebehovFra.Arbeidstaker, harBehov: false, Days.SPlus(5)));

        Assert.Empty(Effects.Tasks);
        Assert.Empty((await person.QueryAsync()).Effects);
    }
}
