using Sykefravaer.Api.Tests.Infrastructure;

namespace Sykefravaer.Api.Tests.Hosting;

/// <summary>Outside Development the API does not start with development secrets: a symmetric signing key (alone or
/// beside Entra ID) or a public default pseudonym key. Each refusal names the key and what to do.</summary>
[Collection(EngineCollection.Name)]
public sealed class ProductionGuardTests(ApiEngine engine)
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Test")]
    public void A_symmetric_signing_key_is_refused_outside_development(string environment)
    {
        var error = StartIn(environment, settings => settings["Auth:SigningKey"] = ApiFactory.SigningKey);

        Assert.Contains("Auth__SigningKey is a symmetric key", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symmetric_key_beside_entra_id_is_refused_outside_development()
    {
        var error = StartIn("Test", settings =>
        {
            settings["Auth:SigningKey"] = ApiFactory.SigningKey;
            settings["Auth:MetadataAddress"] = "https://login.example/.well-known/openid-configuration";
        });

        Assert.Contains("both Auth__SigningKey", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", "development-only-pseudonym-key-not-a-secret-0001")]
    [InlineData("Staging", "local-development-pseudonym-key-change-me-0123456789")]
    [InlineData("Test", "development-only-pseudonym-key-not-a-secret-0001")]
    public void The_public_default_pseudonym_keys_are_refused_outside_development(string environment, string pseudonymKey)
    {
        var error = StartIn(environment, settings =>
        {
            settings.Remove("Auth:SigningKey");
            settings["Auth:MetadataAddress"] = "https://login.example/.well-known/openid-configuration";
            settings["Pseudonym:Key"] = pseudonymKey;
        });

        Assert.Contains("Pseudonym__Key is a public default", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", "http://127.0.0.1:8080/.well-known/openid-configuration")]
    [InlineData("Test", "http://login.example/.well-known/openid-configuration")]
    [InlineData("Development", "http://login.example/.well-known/openid-configuration")]
    public void Signing_keys_over_plain_http_are_refused_except_from_loopback_in_development_or_test(string environment, string metadataAddress)
    {
        var error = StartIn(environment, settings =>
        {
            settings.Remove("Auth:SigningKey");
            settings["Auth:MetadataAddress"] = metadataAddress;
        });

        Assert.Contains("Auth__MetadataAddress must be an https URL", error, StringComparison.Ordinal);
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
