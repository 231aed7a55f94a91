using System.Net;
using System.Text.Json;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Domain.Input;
using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Api.Tests.Validation;

/// <summary>One event contract: every bad event of <see cref="ValidationTests.BadEvents"/> that does not hinge on the
/// person is refused by <c>simulate</c>'s reader with the same fields and the same words, in the same order, as by the
/// API. A rule added to one and not the other fails here.</summary>
[Collection(EngineCollection.Name)]
public sealed class OneContractTests(ApiEngine engine)
{
    private readonly ApiClient _api = new(engine.Api.CreateClient());

    public static TheoryData<string, string> PersonIndependentBadEvents()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in ValidationTests.BadEvents())
        {
            var (type, template, fields) = ((string)row[0], (string)row[1], (string[])row[2]);
            if (template.Contains("\"fnr\":\"{fnr}\"", StringComparison.Ordinal) && !fields.Contains("fnr") && !fields.Contains("body"))
            {
                data.Add(type, template);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PersonIndependentBadEvents))]
    public async Task Simulate_refuses_a_bad_event_exactly_as_the_api_does(string type, string template)
    {
        // The same instant for both, so both apply the event on the same day (svarfrist, date of death).
        var at = template.Contains("\"at\":", StringComparison.Ordinal)
            ? string.Empty
            : $"\"at\":\"{DateTimeOffset.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}\",";
        var apiBody = "{" + at + template[1..].Replace("{fnr}", TestPeople.NewFnr(), StringComparison.Ordinal);
        var simulated = "{" + at + template[1..].Replace("\"fnr\":\"{fnr}\"", $"\"type\":\"{type}\"", StringComparison.Ordinal);

        using var response = await _api.PostRawEventAsync(type, apiBody);
        using var json = JsonDocument.Parse(simulated);
        var refused = Assert.Throws<InvalidInputException>(() => CaseEventJson.Read(json.RootElement));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClient.ReadAsync(response))["errors"]!.AsObject();
        var apiProblems = errors.SelectMany(field => field.Value!.AsArray().Select(message => $"{field.Key}: {message}"));
        Assert.Equal(string.Join("; ", apiProblems), refused.Message);
    }
}
