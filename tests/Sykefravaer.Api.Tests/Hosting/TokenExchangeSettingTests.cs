using Sykefravaer.Api.Tests.Infrastructure;

namespace Sykefravaer.Api.Tests.Hosting;

/// <summary>The token exchange for the access service (<c>Access__TokenExchange__*</c>, docs/SECURITY.md "Access per
/// person"): an endpoint needs a target; Production needs an endpoint (NAIS always sets NAIS_TOKEN_EXCHANGE_ENDPOINT);
/// Development and Test may forward the veileder's token to a loopback access service.</summary>
[Collection(EngineCollection.Name)]
public sealed class TokenExchangeSettingTests(ApiEngine engine)
{
    private const string Endpoint = "http://127.0.0.1:7164/api/v1/token/exchange";
    private const string Target = "api://prod-gcp.teamsykefravr.istilgangskontroll/.default";

    [Theory]
    [InlineData("Access:TokenExchange:Endpoint")]
    [InlineData("NAIS_TOKEN_EXCHANGE_ENDPOINT")]
    public void An_exchange_endpoint_without_a_target_is_refused_naming_the_key(string endpointKey)
    {
        var error = StartIn("Test", settings => settings[endpointKey] = Endpoint);

        Assert.Contains("Access__TokenExchange__Target", error, StringComparison.Ordinal);
        Assert.Contains("is not configured", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exchange_endpoint_that_is_no_http_address_is_refused()
    {
        var error = StartIn("Test", settings =>
        {
            settings["Access:TokenExchange:Endpoint"] = "token/exchange";
            settings["Access:TokenExchange:Target"] = Target;
        });

        Assert.Contains("Access__TokenExchange__Endpoint (or NAIS_TOKEN_EXCHANGE_ENDPOINT) must be an absolute http(s) address", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_without_a_token_exchange_is_refused()
    {
        var error = StartIn("Production", _ => { });

        Assert.Contains("The API does not start in Production: no token exchange for the access service", error, StringComparison.Ordinal);
        Assert.Contains("NAIS_TOKEN_EXCHANGE_ENDPOINT", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", false)]
    [InlineData("Test", false)]
    public void Production_starts_with_the_exchange_nais_sets_and_elsewhere_it_may_be_left_out(string environment, bool exchange)
    {
        var settings = engine.SettingsFor(engine.TemporalAddress);
        if (exchange)
        {
            settings["NAIS_TOKEN_EXCHANGE_ENDPOINT"] = Endpoint;
            settings["Access:TokenExchange:Target"] = Target;
        }

        using var api = new ApiFactory(settings, engine.Logs) { Environment = environment };

        Assert.NotNull(api.Server);
    }

    private string StartIn(string environment, Action<Dictionary<string, string?>> change)
    {
        var settings = engine.SettingsFor(engine.TemporalAddress);
        change(settings);
        using var api = new ApiFactory(settings, engine.Logs) { Environment = environment };
        var error = Assert.ThrowsAny<Exception>(() => api.Server);
        return StartupErrors.Messages(error);
    }
}
