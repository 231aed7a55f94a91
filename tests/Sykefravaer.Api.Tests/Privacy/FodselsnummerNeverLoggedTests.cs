using System.Text;
using Sykefravaer.Api.Tests.Infrastructure;
using static Sykefravaer.Api.Tests.EndToEnd.EventTypeTests;

namespace Sykefravaer.Api.Tests.Privacy;

/// <summary>The fnr goes in bodies only: it must not reach a log line (API or worker, any level), the workflow ID, or
/// anything Temporal stores.</summary>
[Collection(EngineCollection.Name)]
public sealed class FodselsnummerNeverLoggedTests(ApiEngine engine)
{
    private readonly ApiClient _api = new(engine.Api.CreateClient());

    [Fact]
    public async Task The_fnr_is_in_no_log_line_workflow_id_or_workflow_history()
    {
        var fnr = TestPeople.NewFnr();
        using (await _api.PostEventAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -70, 30)))
        using (await _api.PostEventAsync("motebehov", new { id = NewId("mb"), fnr, fra = "ARBEIDSTAKER", harBehov = true }))
        using (await _api.PostRawEventAsync("sykmelding", $$"""{"id":"x","fnr":"{{fnr}}","grad":"{{fnr}}","orgnr":"{{fnr}}"}"""))
        using (await _api.PostRawEventAsync("sykmelding", $$"""{"id":"x","fnr":"{{fnr}}", broken"""))
        {
        }

        await _api.CaseOfAsync(fnr, c => HasEffect(c, "MOTEBEHOV", "TASK"), "the case");

        var workflowId = engine.WorkflowIdOf(fnr);
        Assert.DoesNotContain(fnr, workflowId, StringComparison.Ordinal);
        Assert.NotEmpty(engine.Logs.Lines);
        Assert.DoesNotContain(engine.Logs.Lines, line => line.Contains(fnr, StringComparison.Ordinal));
        var history = await engine.Temporal.GetWorkflowHandle(workflowId).FetchHistoryAsync();
        // The raw protobuf of every event: payloads as the bytes Temporal stores, not base64 as in JSON exports.
        var everything = string.Concat(history.Events.Select(e => Encoding.UTF8.GetString(Google.Protobuf.MessageExtensions.ToByteArray(e))));
        Assert.DoesNotContain(fnr, everything, StringComparison.Ordinal);
    }
}
