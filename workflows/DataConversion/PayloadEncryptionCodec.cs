using System.Security.Cryptography;
using Google.Protobuf;
using Temporalio.Api.Common.V1;
using Temporalio.Converters;

namespace Sykefravaer.Workflows.DataConversion;

/// <summary>
/// Encrypts every payload the engine gives Temporal (workflow input, signals, activity arguments and results, query
/// answers, memo, failures' encoded attributes) with AES-256-GCM, as Temporal recommends for data it must not read:
/// the whole payload (its metadata and data) becomes the ciphertext of a new payload whose metadata says only
/// <c>encoding: binary/encrypted</c> and <c>encryption-key-id</c>. Data: a fresh 12-byte nonce, the ciphertext, the
/// 16-byte tag.
/// </summary>
/// <remarks>The key id is also the cipher's associated data, so a payload whose key id was altered fails to decrypt
/// rather than being read with another key. A payload that is not encrypted (an older history, recorded before
/// encryption) passes through unchanged, so the whole replay corpus still replays.</remarks>
public sealed class PayloadEncryptionCodec(EncryptionKeyRing keys) : IPayloadCodec
{
    public const string Encoding = "binary/encrypted";
    public const string EncodingKey = "encoding";
    public const string KeyIdKey = "encryption-key-id";

    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private static readonly ByteString EncodingValue = ByteString.CopyFromUtf8(Encoding);

    public Task<IReadOnlyCollection<Payload>> EncodeAsync(IReadOnlyCollection<Payload> payloads)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        var keyId = keys.CurrentKeyId;
        var key = keys.Current;
        return Task.FromResult<IReadOnlyCollection<Payload>>([.. payloads.Select(p => Encrypt(p, keyId, key))]);
    }

    public Task<IReadOnlyCollection<Payload>> DecodeAsync(IReadOnlyCollection<Payload> payloads)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        return Task.FromResult<IReadOnlyCollection<Payload>>([.. payloads.Select(Decrypt)]);
    }

    private static Payload Encrypt(Payload payload, string keyId, byte[] key)
    {
        var plaintext = payload.ToByteArray();
        var data = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = data.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, data.AsSpan(NonceBytes, plaintext.Length), data.AsSpan(NonceBytes + plaintext.Length), AssociatedData(keyId));
        }

        return new Payload
        {
            Metadata = { [EncodingKey] = EncodingValue, [KeyIdKey] = ByteString.CopyFromUtf8(keyId) },
            Data = ByteString.CopyFrom(data),
        };
    }

    private Payload Decrypt(Payload payload)
    {
        if (!payload.Metadata.TryGetValue(EncodingKey, out var encoding) || encoding != EncodingValue)
        {
            return payload;
        }

        if (!payload.Metadata.TryGetValue(KeyIdKey, out var keyIdBytes) || keyIdBytes.IsEmpty)
        {
            throw new InvalidOperationException($"An encrypted payload names no key ({KeyIdKey} is missing): it cannot be decrypted.");
        }

        var keyId = keyIdBytes.ToStringUtf8();
        if (!keys.TryGet(keyId, out var key))
        {
            throw new InvalidOperationException(
                $"A payload is encrypted with key '{keyId}', which this process does not hold (it holds {string.Join(", ", keys.KeyIds)}): " +
                $"configure Encryption__Keys__{keyId}, or keep the old key in the ring until no history names it.");
        }

        var data = payload.Data.Span;
        if (data.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException($"An encrypted payload of key '{keyId}' is {data.Length} bytes: too short to hold a nonce and a tag.");
        }

        var plaintext = new byte[data.Length - NonceBytes - TagBytes];
        using (var aes = new AesGcm(key, TagBytes))
        {
            aes.Decrypt(data[..NonceBytes], data[NonceBytes..^TagBytes], data[^TagBytes..], plaintext, AssociatedData(keyId));
        }

        return Payload.Parser.ParseFrom(plaintext);
    }

    private static byte[] AssociatedData(string keyId) => System.Text.Encoding.UTF8.GetBytes(keyId);
}
