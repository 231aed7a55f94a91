using System.Text;
using Google.Protobuf;
using Sykefravaer.Api.Tests.Infrastructure;
using Temporalio.Api.Common.V1;
using static Sykefravaer.Api.Tests.EndToEnd.Dates;
using static Sykefravaer.Api.Tests.EndToEnd.EventTypeTests;

namespace Sykefravaer.Api.Tests.Privacy;

/// <summary>What Temporal stores of a case (its history, as the Web UI and tctl read it) holds no personal value in
/// clear: every payload is encrypted (issue 11), workflow input, signals, activity arguments and results alike.</summary>
[Collection(EngineCollection.Name)]
public sealed class CaseDataEncryptedInTemporalTests(ApiEngine engine)
{
    private readonly ApiClient _api = new(engine.Api.CreateClient());

    [Fact]
    public async Task Every_payload_of_a_case_history_is_encrypted_and_no_personal_value_is_in_clear()
    {
        var fnr = TestPeople.NewFnr();
        const string Reason = "Veilederens fritekst: kneskade etter fall";
        using (await _api.PostEventAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -70, 30)))
        using (await _api.PostEventAsync("aktivitetskravVurdering", new { id = NewId("ak"), fnr, utfall = "IKKE_OPPFYLT", arsak = Reason }))
        {
        }

        await _api.CaseOfAsync(fnr, c => HasEffect(c, "AKTIVITETSKRAV_INFO", "NOTICE"), "the case with its notices");
        var history = await engine.Temporal.GetWorkflowHandle(engine.WorkflowIdOf(fnr)).FetchHistoryAsync();

        var payloads = history.Events.SelectMany(PayloadsOf).ToList();
        Assert.NotEmpty(payloads);
        Assert.All(payloads, p => Assert.Equal("binary/encrypted", p.Metadata["encoding"].ToStringUtf8()));
        var everything = string.Concat(history.Events.Select(e => Encoding.UTF8.GetString(e.ToByteArray())));
        Assert.DoesNotContain(TestPeople.Orgnr, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Day(-70), everything, StringComparison.Ordinal);
        Assert.DoesNotContain("kneskade", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(fnr, everything, StringComparison.Ordinal);
    }

    /// <summary>Every payload an event carries, wherever the protocol puts it.</summary>
    private static IEnumerable<Payload> PayloadsOf(IMessage message) =>
        message.Descriptor.Fields.InFieldNumberOrder().SelectMany(field =>
        {
            var value = field.Accessor.GetValue(message);
            return value switch
            {
                Payload payload => [payload],
                IMessage nested => PayloadsOf(nested),
                System.Collections.IEnumerable items and not string and not ByteString =>
                    items.Cast<object>().SelectMany(item => item is Payload p ? [p] : item is IMessage m ? PayloadsOf(m) : []),
                _ => [],
            };
        });
}
