using System.Net;
using Sykefravaer.Api.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;
using static Sykefravaer.Api.Tests.EndToEnd.EventTypeTests;

namespace Sykefravaer.Api.Tests.EndToEnd;

/// <summary>A duplicate (same type and id) is accepted again with the same answer and has no second effect.</summary>
[Collection(EngineCollection.Name)]
public sealed class DuplicateTests(ApiEngine engine)
{
    private readonly ApiClient _api = new(engine.Api.CreateClient());

    [Fact]
    public async Task A_duplicate_motebehov_gets_the_same_answer_and_creates_one_task()
    {
        var fnr = TestPeople.NewFnr();
        using (var first = await _api.PostEventAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -5, 30)))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        var motebehov = new { id = NewId("mb"), fnr, fra = "ARBEIDSGIVER", harBehov = true };
        using var once = await _api.PostEventAsync("motebehov", motebehov);
        using var twice = await _api.PostEventAsync("motebehov", motebehov);

        Assert.Equal(HttpStatusCode.Accepted, once.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, twice.StatusCode);
        Assert.Equal(await once.Content.ReadAsStringAsync(), await twice.Content.ReadAsStringAsync());
        var found = await _api.CaseOfAsync(fnr, c => HasEffect(c, "MOTEBEHOV", "TASK"), "the møtebehov task");
        Assert.Single(found["timeline"]!.AsArray(), e => (string?)e!["code"] == "MOTEBEHOV");
        Assert.Equal(1, await engine.Database.ScalarAsync(
            "SELECT count(*) FROM veileder_task WHERE code = 'MOTEBEHOV' AND case_id = $1", Guid.Parse((string)found["caseId"]!)));
    }

    [Fact]
    public async Task A_duplicate_after_the_case_closed_starts_no_second_case()
    {
        var fnr = TestPeople.NewFnr();
        var sykmelding = Sykmelding(fnr, NewId("sm"), -20, 20);
        using (await _api.PostEventAsync("sykmelding", sykmelding))
        using (await _api.PostEventAsync("dodsfall", new { id = NewId("dod"), fnr, dato = Dates.Day(0) }))
        {
        }

        await _api.CaseOfAsync(fnr, c => (string?)c["state"]!["outcome"] == "DOD", "the closing");
        var handle = engine.Temporal.GetWorkflowHandle(engine.WorkflowIdOf(fnr));
        await Eventually.MatchAsync(async () => (await handle.DescribeAsync()).Status, s => s != WorkflowExecutionStatus.Running, "the run to end");

        using var again = await _api.PostEventAsync("sykmelding", sykmelding);

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.NotEqual(WorkflowExecutionStatus.Running, (await handle.DescribeAsync()).Status);
        Assert.Single(await _api.CasesOfAsync(fnr));
    }

    [Fact]
    public async Task An_id_already_used_for_another_person_is_a_conflict()
    {
        var id = NewId("sm");
        using (var first = await _api.PostEventAsync("sykmelding", Sykmelding(TestPeople.NewFnr(), id, -5, 5)))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        var other = TestPeople.NewFnr();
        using var second = await _api.PostEventAsync("sykmelding", Sykmelding(other, id, -5, 5));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }
}
