using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Testing;
using Sykefravaer.Workflows.Tests.Infrastructure;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Events;

/// <summary>With <see cref="WorkflowPatches.ProjectionShowsPeriodsAndEvents"/> (every new run takes it), the stored
/// projection shows what came in, for the veileder's timeline, even an event that changed nothing else it shows.</summary>
public sealed class ProjectionEventsTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    [TimeSkippingFact]
    public async Task A_motebehov_without_a_need_is_written_to_the_projection_though_it_creates_nothing()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(60)));
        var caseId = (await person.QueryAsync()).CaseId;
        var before = Effects.ProjectionOf(caseId)!;

        await DeliverAsync(person, Motebehov("mb-1", MotebehovFra.Arbeidsgiver, harBehov: false, Days.SPlus(5)));

        var stored = Effects.ProjectionOf(caseId)!;
        Assert.True(stored.Version > before.Version);
        Assert.Equal(new EventView(Days.SPlus(5), EventCodes.MotebehovIkkeBehov, "ARBEIDSGIVER"), Assert.Single(stored.EventsCameIn));
        Assert.Empty(stored.Effects);
    }

    [TimeSkippingFact]
    public async Task Plans_meetings_assessments_and_the_svarfrist_are_shown_by_date()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(120)));
        await DeliverAsync(person, OppfolgingsplanDelt("plan-1", PlanMottaker.Sykmelder, Days.SPlus(20)));
        await DeliverAsync(person, Dialogmote("dm-1", 1, DialogmoteStatus.Avholdt, Days.SPlus(45)));
        await DeliverAsync(person, AktivitetskravVurdert("ak-1", VurderingUtfall.IkkeOppfylt, Days.SPlus(60), arsak: "ingen aktivitet"));

        var stored = Effects.ProjectionOf((await person.QueryAsync()).CaseId)!;

        Assert.Equal(
            [
                new EventView(Days.SPlus(20), EventCodes.OppfolgingsplanDelt, "SYKMELDER"),
                new EventView(Days.SPlus(45), EventCodes.DialogmoteAvholdt, "1"),
                new EventView(Days.SPlus(60), EventCodes.AktivitetskravVurdert, "IKKE_OPPFYLT"),
                new EventView(Days.SPlus(60 + 21), EventCodes.ForhandsvarselSvarfrist, null),
            ],
            stored.EventsCameIn);
        Assert.DoesNotContain(stored.EventsCameIn, e => e.Detail == "ingen aktivitet");
    }
}
