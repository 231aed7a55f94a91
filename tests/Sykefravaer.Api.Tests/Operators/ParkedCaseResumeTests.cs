using System.Net;
using System.Net.Http.Json;
using Sykefravaer.Api.Tests.EndToEnd;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Domain.Input;
using static Sykefravaer.Api.Tests.EndToEnd.EventTypeTests;

namespace Sykefravaer.Api.Tests.Operators;

/// <summary>
/// An operator resumes a case parked on a write that failed for good (here: a task row under the case's key that is
/// not the case's task, as a bad migration or a hand edit would leave it). The case's reads show why it waits; the
/// resume is the operator's alone, checked before anything is signalled, and audited with who and why.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ParkedCaseResumeTests(ApiEngine engine)
{
    private readonly ApiClient _api = new(engine.Api.CreateClient());

    [Fact]
    public async Task A_parked_case_shows_it_in_its_reads_and_an_operators_retry_after_the_fix_writes_the_task_and_is_audited()
    {
        var fnr = TestPeople.NewFnr();
        using (await _api.PostEventAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -5, 30)))
        {
        }

        var caseId = Guid.Parse((string)(await _api.CaseOfAsync(fnr, c => c["caseId"] is not null, "the case"))["caseId"]!);
        var motebehovId = NewId("mb");
        var taskKey = $"{caseId:D}/motebehov:{motebehovId}";
        await engine.Database.ScalarAsync(
            """
            WITH planted AS (
                INSERT INTO veileder_task (idempotency_key, case_id, person_ref, code, cause, decided_on)
                VALUES ($1, $2, $3, 'NOT_THE_CASES_TASK', 'planted by the test', current_date) RETURNING id)
            SELECT count(*) FROM planted
            """,
            taskKey, caseId, engine.Pseudonym.Of(Fodselsnummer.Parse(fnr)));
        using (await _api.PostEventAsync("motebehov", new { id = motebehovId, fnr, fra = "SYKMELDER", harBehov = true }))
        {
        }

        await _api.CaseOfAsync(fnr, c => (string?)c["needsAttention"] == "ACTIVITY_FAILED", "the case parked");
        using var asVeileder = await ResumeAsync(caseId, new { action = "RETRY", reason = "fixed" }, ApiClient.Token("veileder"));
        Assert.Equal(HttpStatusCode.Forbidden, asVeileder.StatusCode);

        await engine.Database.ScalarAsync(
            "WITH removed AS (DELETE FROM veileder_task WHERE idempotency_key = $1 RETURNING id) SELECT count(*) FROM removed", taskKey);
        using var retry = await ResumeAsync(caseId, new { action = "RETRY", reason = "planted row removed" });
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var resumeId = (string?)(await ApiClient.ReadAsync(retry))["resumeId"];

        await _api.CaseOfAsync(fnr, c => c["needsAttention"] is null && HasEffect(c, "MOTEBEHOV", "TASK"), "the case resumed");
        await Eventually.MatchAsync(
            () => engine.Database.TextAsync("SELECT code FROM veileder_task WHERE idempotency_key = $1", taskKey),
            code => code == "MOTEBEHOV",
            "the task written");
        Assert.Equal("OPERATOR_RETRY|Z990000", await Eventually.MatchAsync(
            () => engine.Database.TextAsync(
                "SELECT code || '|' || decided_by FROM audit_trail WHERE idempotency_key = $1", $"{caseId:D}/resume:{resumeId}"),
            audit => audit is not null,
            "the resume audited"));
        using var again = await ResumeAsync(caseId, new { action = "RETRY", reason = "once more" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_resume_names_every_bad_field_and_an_unknown_case_is_404()
    {
        using var bad = await ResumeAsync(Guid.NewGuid(), new { action = "RESTART", reason = " " });
        using var unknown = await ResumeAsync(Guid.NewGuid(), new { action = "SKIP", reason = "sendt manuelt" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await ApiClient.ReadAsync(bad))["errors"]!.AsObject();
        Assert.Equal("must be RETRY or SKIP", (string?)errors["action"]![0]);
        Assert.StartsWith("is required", (string?)errors["reason"]![0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private Task<HttpResponseMessage> ResumeAsync(Guid caseId, object body, string? token = null) =>
        _api.SendAsync(HttpMethod.Post, $"/api/v1/cases/{caseId}/resume", JsonContent.Create(body), token ?? ApiClient.Token("operator"));
}
