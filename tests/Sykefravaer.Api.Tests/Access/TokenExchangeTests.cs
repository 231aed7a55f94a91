using Sykefravaer.Api.Access;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Embedded.Access;

namespace Sykefravaer.Api.Tests.Access;

/// <summary>The access client on NAIS: it asks the access service with the veileder's token exchanged on their behalf
/// for the service's audience (a real token exchange and access service on loopback, the service taking only tokens
/// for its audience), reuses an exchanged token until shortly before it expires, and refuses the read when the
/// exchange fails, without naming the token.</summary>
public sealed class TokenExchangeTests : IAsyncLifetime
{
    private const string Target = "api://test-gcp.teamsykefravr.tilgangskontroll/.default";
    private const string Veileder = "Z700301";
    private readonly SetClock _clock = new();
    private readonly HttpClient _http = new();
    private LoopbackAccessService _service = null!;
    private LoopbackTokenExchange _exchange = null!;

    public Task InitializeAsync()
    {
        _service = LoopbackAccessService.Start();
        _service.RequiredAudience = Target;
        _exchange = LoopbackTokenExchange.Start(Target);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _exchange.DisposeAsync();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task The_access_service_is_asked_with_the_token_exchanged_for_it_and_not_with_the_veileders_own()
    {
        var token = VeilederToken(Veileder);
        _service.Deny(Veileder, "person-b");

        // The veileder's own token is for the API's audience: the service refuses it, as istilgangskontroll would.
        var forwarded = await Assert.ThrowsAsync<PersonReadUnavailableException>(
            () => Client(exchange: false).MaySeeAsync(Bearer(token), Veileder, "person-a", default));
        var client = Client();

        Assert.Contains("answered 401", forwarded.Message, StringComparison.Ordinal);
        Assert.True(await client.MaySeeAsync(Bearer(token), Veileder, "person-a", default));
        Assert.False(await client.MaySeeAsync(Bearer(token), Veileder, "person-b", default));
        Assert.Equal(["person-a", "person-c"], (await client.VisibleAsync(Bearer(token), Veileder, ["person-a", "person-b", "person-c"], default)).Order());
        Assert.Equal(5, _service.QuestionsAbout(Veileder)); // a, b, then a list of three: the refused one was not asked
        Assert.Equal([token], _exchange.UserTokens);
    }

    [Fact]
    public async Task An_exchanged_token_is_reused_per_veileder_token_until_thirty_seconds_before_it_expires()
    {
        var client = Client();
        var first = VeilederToken(Veileder);
        var second = VeilederToken("Z700302");

        Assert.True(await client.MaySeeAsync(Bearer(first), Veileder, "person-a", default));
        Assert.True(await client.MaySeeAsync(Bearer(first), Veileder, "person-b", default));
        Assert.Single(await client.VisibleAsync(Bearer(first), Veileder, ["person-c"], default));
        Assert.Equal(1, _exchange.Issued);

        Assert.True(await client.MaySeeAsync(Bearer(second), "Z700302", "person-a", default));
        Assert.Equal(2, _exchange.Issued);

        _clock.Now += _exchange.ExpiresIn - ExchangedTokenCache.ExpiryMargin - TimeSpan.FromSeconds(1);
        Assert.True(await client.MaySeeAsync(Bearer(first), Veileder, "person-a", default));
        Assert.Equal(2, _exchange.Issued);

        _clock.Now += TimeSpan.FromSeconds(1);
        Assert.True(await client.MaySeeAsync(Bearer(first), Veileder, "person-a", default));
        Assert.Equal(3, _exchange.Issued);
        Assert.Equal([first, second, first], _exchange.UserTokens);
    }

    [Fact]
    public async Task A_token_that_expires_within_the_margin_is_not_kept()
    {
        _exchange.ExpiresIn = ExchangedTokenCache.ExpiryMargin;
        var client = Client();
        var token = VeilederToken(Veileder);

        Assert.True(await client.MaySeeAsync(Bearer(token), Veileder, "person-a", default));
        Assert.True(await client.MaySeeAsync(Bearer(token), Veileder, "person-b", default));

        Assert.Equal(2, _exchange.Issued);
    }

    [Fact]
    public async Task An_exchange_that_is_broken_garbled_slow_or_stopped_refuses_the_read_names_no_token_and_is_not_kept()
    {
        // Only the slow case has a short timeout: on a loaded machine a first connection can take longer than it.
        var client = Client();
        var token = VeilederToken(Veileder);

        _exchange.FailWith = 500;
        var broken = await Refused(() => client.MaySeeAsync(Bearer(token), Veileder, "person-a", default));
        _exchange.FailWith = 400;
        var refused = await Refused(() => client.VisibleAsync(Bearer(token), Veileder, ["person-a"], default));
        _exchange.FailWith = null;
        _exchange.Garbled = true;
        var garbled = await Refused(() => client.MaySeeAsync(Bearer(token), Veileder, "person-a", default));
        _exchange.Garbled = false;
        _exchange.Delay = TimeSpan.FromSeconds(5);
        var slow = await Refused(() => Client(timeout: TimeSpan.FromMilliseconds(500)).MaySeeAsync(Bearer(token), Veileder, "person-a", default));
        _exchange.Delay = TimeSpan.Zero;
        var working = _exchange;
        _exchange = LoopbackTokenExchange.Start(Target);
        var stoppedEndpoint = working.Endpoint;
        await working.DisposeAsync();
        var stopped = await Refused(() => Client(endpoint: stoppedEndpoint).MaySeeAsync(Bearer(token), Veileder, "person-a", default));

        Assert.Contains("the token exchange answered 500", broken.Message, StringComparison.Ordinal);
        Assert.Contains("the token exchange answered 400", refused.Message, StringComparison.Ordinal);
        Assert.Contains("the token exchange's answer could not be read", garbled.Message, StringComparison.Ordinal);
        Assert.Contains("the token exchange did not answer within 0.5 s", slow.Message, StringComparison.Ordinal);
        Assert.Contains("the token exchange could not be reached", stopped.Message, StringComparison.Ordinal);
        Assert.All([broken, refused, garbled, slow, stopped], e =>
        {
            Assert.Equal("The access service", e.Dependency);
            Assert.DoesNotContain(token, e.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(token.Split('.')[1], e.ToString(), StringComparison.Ordinal);
        });
        Assert.Equal(0, _service.QuestionsAbout(Veileder));

        // Nothing of a failure was kept: the next read exchanges and asks.
        Assert.True(await Client().MaySeeAsync(Bearer(token), Veileder, "person-a", default));
        Assert.Equal(1, _exchange.Issued);
    }

    private static async Task<PersonReadUnavailableException> Refused(Func<Task> read) =>
        await Assert.ThrowsAsync<PersonReadUnavailableException>(read);

    private PersonAccessClient Client(bool exchange = true, TimeSpan? timeout = null, Uri? endpoint = null)
    {
        var settings = new AccessSettings
        {
            BaseAddress = _service.BaseAddress,
            CacheDuration = TimeSpan.Zero, // every read asks: what is reused here is the token, not the answer
            Timeout = timeout ?? TimeSpan.FromSeconds(2),
            TokenExchange = exchange ? new TokenExchangeSettings { Endpoint = endpoint ?? _exchange.Endpoint, Target = Target } : new(),
        };
        return AccessClients.Client(_http, settings, _clock);
    }

    private static string VeilederToken(string navIdent) => ApiClient.VeilederToken(navIdent);

    private static string Bearer(string token) => $"Bearer {token}";
}
