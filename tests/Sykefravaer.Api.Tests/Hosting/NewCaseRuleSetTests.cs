using System.Net;
using Sykefravaer.Api.Tests.Infrastructure;
using static Sykefravaer.Api.Tests.EndToEnd.Dates;
using static Sykefravaer.Api.Tests.EndToEnd.EventTypeTests;

namespace Sykefravaer.Api.Tests.Hosting;

/// <summary>The rule set new cases start under (<c>Cases__RuleSet</c>): chosen by configuration, so NAV can start
/// needs-based follow-up (2027-behov) for new cases without a build; an unknown version stops the start-up.</summary>
[Collection(EngineCollection.Name)]
public sealed class NewCaseRuleSetTests(ApiEngine engine)
{
    [Fact]
    public async Task A_case_the_api_starts_decides_under_the_configured_rule_set()
    {
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings["Cases:RuleSet"] = "2027-behov";
        using var api = new ApiFactory(settings, engine.Logs);
        var client = new ApiClient(api.CreateClient());
        var fnr = TestPeople.NewFnr();

        using var response = await client.PostEventAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -70, 30));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var found = await client.CaseOfAsync(fnr, c => HasEffect(c, "AKTIVITETSKRAV_VURDERING"), "the week-8 task");
        Assert.Contains("rule set 2027-behov:", CauseOf(found, "AKTIVITETSKRAV_VURDERING"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_configuration_a_new_case_starts_under_the_2026_rules()
    {
        var client = new ApiClient(engine.Api.CreateClient());
        var fnr = TestPeople.NewFnr();

        using var response = await client.PostEventAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -70, 30));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var found = await client.CaseOfAsync(fnr, c => HasEffect(c, "AKTIVITETSKRAV_VURDERING"), "the week-8 task");
        Assert.Contains("rule set 2026:", CauseOf(found, "AKTIVITETSKRAV_VURDERING"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_rule_set_is_refused_at_start_up_with_the_known_ones_named()
    {
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings["Cases:RuleSet"] = "2028";
        using var api = new ApiFactory(settings, engine.Logs);

        var error = StartupErrors.Messages(Assert.ThrowsAny<Exception>(() => api.Server));

        Assert.Contains("Cases__RuleSet: '2028' is not a rule set this engine knows", error, StringComparison.Ordinal);
        Assert.Contains("2026, 2027-behov", error, StringComparison.Ordinal);
    }

    private static string CauseOf(System.Text.Json.Nodes.JsonObject found, string code) =>
        (string)found["timeline"]!.AsArray().First(e => (string?)e!["code"] == code)!["cause"]!;
}
