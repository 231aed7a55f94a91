using Microsoft.Extensions.Configuration;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Hosting.Encryption;
using Sykefravaer.Workflows.DataConversion;

namespace Sykefravaer.Api.Tests.Hosting;

/// <summary>The encryption keys come from configuration (a NAIS secret). Outside Development the API and the worker do
/// not start without one, nor with the public development key; a bad value is named by its key, never shown.</summary>
[Collection(EngineCollection.Name)]
public sealed class EncryptionKeySettingTests(ApiEngine engine)
{
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Repeat((byte)2, 32).ToArray());

    [Fact]
    public void Outside_development_the_api_does_not_start_without_a_key()
    {
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings.Remove("Encryption:CurrentKey");
        settings.Remove($"Encryption:Keys:{ApiFactory.EncryptionKeyId}");
        using var api = new ApiFactory(settings, engine.Logs);

        var error = Assert.ThrowsAny<Exception>(() => api.Server);

        Assert.Contains("No encryption key is configured", StartupErrors.Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_development_the_development_key_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EncryptionSettings.KeyRingFrom(
            Configuration(("Encryption:CurrentKey", EncryptionKeyRing.DevelopmentKeyId), ($"Encryption:Keys:{EncryptionKeyRing.DevelopmentKeyId}", KeyA)),
            isDevelopment: false));

        Assert.Contains("refused outside Development", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_development_without_configuration_the_development_key_is_used()
    {
        var ring = EncryptionSettings.KeyRingFrom(Configuration(), isDevelopment: true);

        Assert.Equal(EncryptionKeyRing.DevelopmentKeyId, ring.CurrentKeyId);
    }

    [Fact]
    public void A_rotated_ring_encrypts_with_the_current_key_and_keeps_the_old_one()
    {
        var ring = EncryptionSettings.KeyRingFrom(
            Configuration(("Encryption:CurrentKey", "2027-01"), ("Encryption:Keys:2026-12", KeyA), ("Encryption:Keys:2027-01", KeyB)),
            isDevelopment: false);

        Assert.Equal("2027-01", ring.CurrentKeyId);
        Assert.Equal(["2026-12", "2027-01"], ring.KeyIds.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Encryption:Keys:k1", "not base64!", "Encryption:CurrentKey", "k1", "Encryption__Keys__k1 is not base64")]
    [InlineData("Encryption:Keys:k1", "AAAA", "Encryption:CurrentKey", "k1", "has 3 bytes; an AES-256 key has 32")]
    [InlineData("Encryption:Keys:k1", "AAAA", "Encryption:Other", "x", "Encryption__CurrentKey is not set")]
    public void A_key_that_cannot_be_right_stops_the_start_up_naming_the_key_and_never_the_value(
        string key, string value, string otherKey, string otherValue, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            EncryptionSettings.KeyRingFrom(Configuration((key, value), (otherKey, otherValue)), isDevelopment: false));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
