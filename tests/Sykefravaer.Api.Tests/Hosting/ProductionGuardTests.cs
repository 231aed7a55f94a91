using Sykefravaer.Api.Tests.Infrastructure;

namespace Sykefravaer.Api.Tests.Hosting;

/// <summary>Production does not start with development secrets: a symmetric signing key, a symmetric key beside
/// Entra ID, or a public default pseudonym key. Each refusal names the key and what to do.</summary>
[Collection(EngineCollection.Name)]
public sealed class ProductionGuardTests(ApiEngine engine)
{
    [Fact]
    public void Production_refuses_a_symmetric_signing_key()
    {
        var error = StartIn("Production", settings => { });

        Assert.Contains("Auth__SigningKey is a symmetric key", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symmetric_key_beside_entra_id_is_refused_outside_development()
    {
        var error = StartIn("Test", settings => settings["Auth:MetadataAddress"] = "https://login.example/.well-known/openid-configuration");

        Assert.Contains("both Auth__SigningKey", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_the_public_default_pseudonym_key()
    {
        var error = StartIn("Production", settings =>
        {
            settings.Remove("Auth:SigningKey");
            settings["Auth:MetadataAddress"] = "https://login.example/.well-known/openid-configuration";
            settings["Pseudonym:Key"] = "development-only-pseudonym-key-not-a-secret-0001";
        });

        Assert.Contains("Pseudonym__Key is a public default", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_starts_with_its_development_settings()
    {
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings["Pseudonym:Key"] = "development-only-pseudonym-key-not-a-secret-0001";
        using var api = new ApiFactory(settings, engine.Logs) { Environment = "Development" };

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
