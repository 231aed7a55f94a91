using Sykefravaer.Api.Tests.EndToEnd;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Domain.Input;
using static Sykefravaer.Api.Tests.EndToEnd.EventTypeTests;

namespace Sykefravaer.Api.Tests.Access;

/// <summary>A new person with a case and an open MOTEBEHOV task on the work list, for the access tests.</summary>
public sealed record PersonWithOpenTask(string Fnr, string Person, string CaseId, long TaskId)
{
    public static async Task<PersonWithOpenTask> CreateAsync(ApiEngine engine, ApiClient api)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(api);
        var fnr = TestPeople.NewFnr();
        using (await api.PostEventAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -5, 30)))
        using (await api.PostEventAsync("motebehov", new { id = NewId("mb"), fnr, fra = "SYKMELDER", harBehov = true }))
        {
        }

        var found = await api.CaseOfAsync(fnr, c => HasEffect(c, "MOTEBEHOV", "TASK"), "the møtebehov task");
        var caseId = (string)found["caseId"]!;
        var open = await Eventually.MatchAsync(
            () => api.GetAsync("/api/v1/tasks?code=MOTEBEHOV&pageSize=500"),
            page => page["items"]!.AsArray().Any(t => (string?)t!["caseId"] == caseId),
            "the task on the work list");
        var taskId = (long)open["items"]!.AsArray().First(t => (string?)t!["caseId"] == caseId)!["id"]!;
        return new PersonWithOpenTask(fnr, engine.Pseudonym.Of(Fodselsnummer.Parse(fnr)), caseId, taskId);
    }
}
