using Sykefravaer.Testing;
using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Workflows.Tests.Infrastructure;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Events;

/// <summary>The aktivitetskravVurdering and forhandsvarselSvar events: F1 (only "ikke oppfylt" starts a
/// forhåndsvarsel), F2 (svarfrist 21–42 days, default 21) and F3 (an expired svarfrist creates VURDER_STANS; a reply
/// goes back to assessment; the engine never stops sykepenger itself).</summary>
public sealed class ForhandsvarselTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    private const string Arsak = "ingen arbeidsrelatert aktivitet, ingen unntak dokumentert";

    [TimeSkippingFact]
    public async Task F1_F2_F3_IKKE_OPPFYLT_sends_the_forhandsvarsel_with_a_21_day_svarfrist_and_its_expiry_creates_VURDER_STANS()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(150)));
        await AdvanceToAsync(Days.SPlus(55));
        var sentOn = Days.SPlus(60);
        await DeliverAsync(person, AktivitetskravVurdert("ak-1", VurderingUtfall.IkkeOppfylt, sentOn, Arsak));

        var projection = await person.QueryAsync();
        var varsel = Assert.Single(Effects.Notices, n => n.Notice.Code == AktivitetskravProcess.ForhandsvarselCode).Notice;
        Assert.Equal(
            (Key(projection.CaseId, "forhandsvarsel"), Domain.Effects.Recipient.Arbeidstaker, sentOn, sentOn.AddDays(21)),
            (varsel.IdempotencyKey, varsel.To, varsel.Payload.DecidedOn, varsel.Payload.Svarfrist));
        Assert.Contains(Effects.AuditTrail, a => a.Action == "DECISION" && a.Code == "AKTIVITETSKRAV_IKKE_OPPFYLT");

        // The svarfrist is the last day a reply is on time: nothing on that day ...
        await AdvanceToAsync(sentOn.AddDays(21));
        Assert.DoesNotContain(Effects.Tasks, t => t.Task.Code == AktivitetskravProcess.VurderStansCode);

        // ... and the next day a veileder decides on stans; the engine stops nothing by itself.
        await AdvanceToAsync(sentOn.AddDays(22));
        projection = await person.QueryAsync();
        var vurderStans = Assert.Single(Effects.Tasks, t => t.Task.Code == AktivitetskravProcess.VurderStansCode).Task;
        Assert.Equal((Key(projection.CaseId, "vurder-stans"), sentOn.AddDays(22)), (vurderStans.IdempotencyKey, vurderStans.DecidedOn));
        Assert.Equal("OPEN", projection.State.Outcome);
        StoreMatchesTimeline(Effects, projection);
    }

    [TimeSkippingFact]
    public async Task F2_F3_forhandsvarselSvar_before_the_chosen_svarfrist_means_no_VURDER_STANS_task()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(150)));
        var sentOn = Days.SPlus(60);
        var svarfrist = sentOn.AddDays(42);
        await DeliverAsync(person, AktivitetskravVurdert("ak-1", VurderingUtfall.IkkeOppfylt, sentOn, Arsak, svarfrist));
        await DeliverAsync(person, ForhandsvarselSvar("svar-1", sentOn.AddDays(30)));

        await AdvanceToAsync(svarfrist.AddDays(5));
        var varsel = Assert.Single(Effects.Notices, n => n.Notice.Code == AktivitetskravProcess.ForhandsvarselCode).Notice;
        Assert.Equal(svarfrist, varsel.Payload.Svarfrist);
        Assert.DoesNotContain(Effects.Tasks, t => t.Task.Code == AktivitetskravProcess.VurderStansCode);
        StoreMatchesTimeline(Effects, await person.QueryAsync());
    }

    [TimeSkippingFact]
    public async Task F1_only_IKKE_OPPFYLT_starts_a_forhandsvarsel_OPPFYLT_and_AVVENT_are_recorded_decisions_only()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(150)));
        await DeliverAsync(person, AktivitetskravVurdert("ak-1", VurderingUtfall.Avvent, Days.SPlus(56)));
        await DeliverAsync(person, AktivitetskravVurdert("ak-2", VurderingUtfall.Oppfylt, Days.SPlus(70)));

        await AdvanceToAsync(Days.SPlus(120));
        Assert.DoesNotContain(Effects.Notices, n => n.Notice.Code == AktivitetskravProcess.ForhandsvarselCode);
        Assert.DoesNotContain(Effects.Tasks, t => t.Task.Code == AktivitetskravProcess.VurderStansCode);
        Assert.Equal(
            ["AKTIVITETSKRAV_AVVENT", "AKTIVITETSKRAV_OPPFYLT"],
            Effects.AuditTrail.Where(a => a.Action == "DECISION").Select(a => a.Code));
    }
}
