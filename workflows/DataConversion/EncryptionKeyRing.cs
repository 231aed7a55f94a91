using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Sykefravaer.Workflows.DataConversion;

/// <summary>
/// The AES-256 keys case data in Temporal is encrypted with, by key id: payloads are encrypted with the
/// <see cref="CurrentKeyId"/>, and decrypted with whichever key a payload names, so a key can be rotated while cases
/// that have run for months still carry payloads of the old one. An old key leaves the ring only when no history that
/// a worker or a replay may read still names it.
/// </summary>
public sealed class EncryptionKeyRing
{
    /// <summary>Bytes of an AES-256 key.</summary>
    public const int KeyBytes = 32;

    /// <summary>The id of the development key. Anything with this prefix is refused outside Development.</summary>
    public const string DevelopmentKeyPrefix = "development";

    private readonly ImmutableDictionary<string, byte[]> keys;

    public EncryptionKeyRing(string currentKeyId, IReadOnlyDictionary<string, byte[]> keys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currentKeyId);
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var (id, key) in keys)
        {
            if (key.Length != KeyBytes)
            {
                throw new ArgumentException($"Encryption key '{id}' has {key.Length} bytes; an AES-256 key has {KeyBytes}.", nameof(keys));
            }
        }

        if (!keys.ContainsKey(currentKeyId))
        {
            throw new ArgumentException(
                $"The current encryption key '{currentKeyId}' is not among the keys ({string.Join(", ", keys.Keys)}).", nameof(currentKeyId));
        }

        CurrentKeyId = currentKeyId;
        this.keys = keys.ToImmutableDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The clearly marked, NOT secret key that development, tests and the local tools (simulate, replay) use when no
    /// key is configured. Derived from a public phrase, so anyone can decrypt what it encrypted: never for real data.
    /// </summary>
    public static EncryptionKeyRing Development { get; } = new(
        DevelopmentKeyId,
        new Dictionary<string, byte[]> { [DevelopmentKeyId] = SHA256.HashData(Encoding.UTF8.GetBytes("sykefravaer development key: not a secret")) });

    /// <summary>The id of <see cref="Development"/>'s only key.</summary>
    public const string DevelopmentKeyId = DevelopmentKeyPrefix + "-not-secret";

    public string CurrentKeyId { get; }

    public IEnumerable<string> KeyIds => keys.Keys;

    /// <summary>True when any key is the development key: refused outside Development.</summary>
    public bool HoldsDevelopmentKey => keys.Keys.Any(id => id.StartsWith(DevelopmentKeyPrefix, StringComparison.Ordinal));

    internal byte[] Current => keys[CurrentKeyId];

    /// <summary>This ring with the development key added for decoding only (the local tools read histories that the
    /// development setup wrote as well as those of the configured keys).</summary>
    public EncryptionKeyRing WithDevelopmentKeyForDecoding() =>
        keys.ContainsKey(DevelopmentKeyId) ? this : new(CurrentKeyId, keys.Add(DevelopmentKeyId, Development.Current));

    internal bool TryGet(string keyId, out byte[] key) => keys.TryGetValue(keyId, out key!);
}
