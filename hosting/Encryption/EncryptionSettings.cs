using Microsoft.Extensions.Configuration;
using Sykefravaer.Workflows.DataConversion;

namespace Sykefravaer.Hosting.Encryption;

/// <summary>
/// The key ring from configuration: <c>Encryption__CurrentKey</c> names the key new payloads are encrypted with,
/// <c>Encryption__Keys__&lt;id&gt;</c> holds each key (32 bytes, base64), from a NAIS secret. Older keys stay in the
/// ring for decoding until no history names them (docs/SECURITY.md, "Rotating the key").
/// </summary>
public static class EncryptionSettings
{
    public const string CurrentKeyKey = "Encryption:CurrentKey";
    public const string KeysSection = "Encryption:Keys";

    /// <summary>The configured ring. With nothing configured, the development key in Development and an error
    /// everywhere else; the development key itself is refused outside Development.</summary>
    public static EncryptionKeyRing KeyRingFrom(IConfiguration configuration, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (Configured(configuration) is not { } ring)
        {
            return isDevelopment
                ? EncryptionKeyRing.Development
                : throw new InvalidOperationException(
                    "No encryption key is configured: set Encryption__CurrentKey and Encryption__Keys__<id> (32 random bytes, base64) " +
                    "from a secret. Case data in Temporal is encrypted with it (docs/SECURITY.md).");
        }

        if (!isDevelopment && ring.HoldsDevelopmentKey)
        {
            throw new InvalidOperationException(
                $"The development encryption key ('{EncryptionKeyRing.DevelopmentKeyPrefix}…') is public and refused outside Development: " +
                "configure a key of your own (docs/SECURITY.md).");
        }

        return ring;
    }

    /// <summary>For the local tools (simulate, replay): the configured ring if there is one, always able to decode
    /// what the development setup wrote.</summary>
    public static EncryptionKeyRing KeyRingForTools(IConfiguration configuration) =>
        Configured(configuration)?.WithDevelopmentKeyForDecoding() ?? EncryptionKeyRing.Development;

    private static EncryptionKeyRing? Configured(IConfiguration configuration)
    {
        var keys = configuration.GetSection(KeysSection).GetChildren()
            .Where(k => !string.IsNullOrWhiteSpace(k.Value))
            .ToDictionary(k => k.Key, Decode, StringComparer.Ordinal);
        var current = ConfigurationValues.Text(configuration, CurrentKeyKey);
        if (keys.Count == 0 && current is null)
        {
            return null;
        }

        if (current is null)
        {
            throw new InvalidOperationException(
                $"Encryption__CurrentKey is not set: it must name the key new payloads are encrypted with, one of {string.Join(", ", keys.Keys)}.");
        }

        try
        {
            return new EncryptionKeyRing(current, keys);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Encryption keys: {e.Message.Split(" (Parameter", 2)[0]}", e);
        }
    }

    private static byte[] Decode(IConfigurationSection key)
    {
        try
        {
            return Convert.FromBase64String(key.Value!);
        }
        catch (FormatException)
        {
            // The value is a secret: the message names the key, never its value.
            throw new InvalidOperationException($"Encryption__Keys__{key.Key} is not base64; a key is 32 random bytes in base64.");
        }
    }
}
