using System.Net;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Tests.Infrastructure;

namespace Sykefravaer.Api.Tests.RateLimiting;

/// <summary>The fødselsnummer search is limited per veileder (<c>NAVident</c>, not the tool's <c>azp</c> that every
/// veileder's token shares): the search after the limit gets 429 with Retry-After, other veiledere search on, and the
/// window's end lets the veileder search again. Only authenticated, authorized requests count.</summary>
[Collection(EngineCollection.Name)]
public sealed class SearchRateLimitTests(ApiEngine engine)
{
    [Fact]
    public async Task The_search_after_the_limit_gets_429_with_Retry_After_and_another_veileder_still_searches()
    {
        await using var api = Api(permitLimit: 2, window: "00:01:00");
        var client = new ApiClient(api.CreateClient());
        var fnr = TestPeople.NewFnr();
        var first = ApiClient.VeilederToken("Z990101");

        Assert.Equal(HttpStatusCode.OK, await StatusOfSearchAsync(client, fnr, first));
        Assert.Equal(HttpStatusCode.OK, await StatusOfSearchAsync(client, fnr, first));
        using var refused = await client.SearchAsync(fnr, first);
        var other = await StatusOfSearchAsync(client, fnr, ApiClient.VeilederToken("Z990102"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await ApiClient.ReadAsync(refused);
        Assert.Equal(429, (int?)problem["status"]);
        Assert.Equal("search", (string?)problem["limit"]);
        Assert.StartsWith("Case searches are limited to 2 per 60 seconds for each caller. Nothing was searched.", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain(fnr, problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other);
    }

    [Fact]
    public async Task After_the_window_the_veileder_searches_again()
    {
        await using var api = Api(permitLimit: 1, window: "00:00:02");
        var client = new ApiClient(api.CreateClient());
        var fnr = TestPeople.NewFnr();
        var token = ApiClient.VeilederToken("Z990103");

        Assert.Equal(HttpStatusCode.OK, await StatusOfSearchAsync(client, fnr, token));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusOfSearchAsync(client, fnr, token));

        // Polled with a deadline rather than slept: the window ends two seconds after the first search.
        var again = await Eventually.MatchAsync(() => StatusOfSearchAsync(client, fnr, token), status => status == HttpStatusCode.OK, "the next window");
        Assert.Equal(HttpStatusCode.OK, again);
    }

    [Fact]
    public async Task Requests_refused_by_authentication_or_authorization_count_against_nobody()
    {
        await using var api = Api(permitLimit: 1, window: "00:01:00");
        var client = new ApiClient(api.CreateClient());
        var fnr = TestPeople.NewFnr();
        var withoutTheRole = ApiClient.Token([ApiRoles.EventsWrite], new Dictionary<string, object> { ["sub"] = "sub-Z990104", ["NAVident"] = "Z990104" });

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfSearchAsync(client, fnr, "not-a-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfSearchAsync(client, fnr, "not-a-token"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOfSearchAsync(client, fnr, withoutTheRole));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOfSearchAsync(client, fnr, withoutTheRole));

        Assert.Equal(HttpStatusCode.OK, await StatusOfSearchAsync(client, fnr, ApiClient.VeilederToken("Z990104")));
    }

    private ApiFactory Api(int permitLimit, string window)
    {
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings["RateLimits:Search:PermitLimit"] = permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["RateLimits:Search:Window"] = window;
        return new ApiFactory(settings, engine.Logs);
    }

    private static async Task<HttpStatusCode> StatusOfSearchAsync(ApiClient client, string fnr, string token)
    {
        using var response = await client.SearchAsync(fnr, token);
        return response.StatusCode;
    }
}
