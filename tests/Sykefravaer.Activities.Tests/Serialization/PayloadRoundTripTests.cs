using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Persistence.Postgres;
using Temporalio.Converters;

namespace Sykefravaer.Activities.Tests.Serialization;

/// <summary>Commands and receipts cross the Temporal server as JSON from the SDK's default converter; what the
/// workflow sends must arrive unchanged, and receipts recorded in history must read back the same on replay.</summary>
public sealed class PayloadRoundTripTests
{
    private static readonly Guid CaseId = Guid.NewGuid();

    [Fact]
    public void Commands_survive_the_default_payload_converter()
    {
        AssertRoundTrip(TestEffects.NoticeCommand(CaseId));
        AssertRoundTrip(TestEffects.TaskCommand(CaseId, due: TestEffects.Day));
        AssertRoundTrip(TestEffects.Forhandsvarsel(CaseId));
        AssertRoundTrip(TestEffects.AapTransition(CaseId));
        AssertRoundTrip(TestEffects.Decision(CaseId));
        var closed = TestEffects.ClosedCase(CaseId);
        var closedBack = RoundTrip(closed);
        Assert.Equal(closed with { State = closedBack.State }, closedBack);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(closed.State), System.Text.Json.JsonSerializer.Serialize(closedBack.State));
        AssertRoundTrip(new EarlierTilfellerQuery(TestPerson.PersonRef, TestEffects.Day));

        var projection = TestEffects.Projection(CaseId, 7);
        var back = RoundTrip(projection);
        Assert.Equal(projection.State, back.State);
        Assert.Equal(projection.Milestones, back.Milestones);
        Assert.Equal(projection.Effects, back.Effects);
    }

    [Fact]
    public void Receipts_survive_the_default_payload_converter()
    {
        var receipt = new EffectReceipt($"{CaseId}/k", 42, new DateTimeOffset(2024, 2, 12, 8, 0, 0, TimeSpan.Zero));

        AssertRoundTrip(receipt);
        AssertRoundTrip(new AapTransitionReceipt(receipt, receipt with { Id = 43 }));
        AssertRoundTrip(new ProjectionReceipt(CaseId, 2, 3));
        IReadOnlyList<Oppfolgingstilfelle> earlier = [TestEffects.Tilfelle(new DateOnly(2022, 9, 1)), TestEffects.Tilfelle(new DateOnly(2024, 1, 1))];
        Assert.Equal(earlier, RoundTrip(earlier));
    }

    [Fact]
    public void A_tilfelle_survives_the_storage_json_of_closed_tilfelle()
    {
        var tilfelle = TestEffects.Tilfelle(new DateOnly(2024, 1, 1));

        var back = StorageJson.Deserialize<Oppfolgingstilfelle>(StorageJson.Serialize(tilfelle));

        Assert.Equal(tilfelle, back);
        Assert.Equal(tilfelle.Spans.Select(s => (s.Periode, s.Grad, s.Arbeidsgiver)), back.Spans.Select(s => (s.Periode, s.Grad, s.Arbeidsgiver)));
    }

    private static void AssertRoundTrip<T>(T value) => Assert.Equal(value, RoundTrip(value));

    private static T RoundTrip<T>(T value)
    {
        var converter = DataConverter.Default.PayloadConverter;
        return converter.ToValue<T>(converter.ToPayload(value));
    }
}
