using System.Security.Cryptography;
using Google.Protobuf;
using Sykefravaer.Workflows.DataConversion;
using Temporalio.Api.Common.V1;
using Temporalio.Converters;
using Temporalio.Exceptions;

namespace Sykefravaer.Workflows.Tests.DataConversion;

/// <summary>Case data in Temporal is AES-256-GCM encrypted, under a key ring that rotates without breaking a running
/// case, and histories recorded before encryption still decode.</summary>
public sealed class PayloadEncryptionCodecTests
{
    private static readonly byte[] OldKey = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] NewKey = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public async Task A_payload_round_trips_and_its_data_and_metadata_are_not_in_clear()
    {
        var codec = new PayloadEncryptionCodec(Ring("k1", ("k1", OldKey)));
        var original = Json("""{"fom":"2026-09-01","orgnr":"974652269"}""");

        var encoded = Assert.Single(await codec.EncodeAsync([original]));
        var decoded = Assert.Single(await codec.DecodeAsync([encoded]));

        Assert.Equal(original, decoded);
        Assert.Equal("binary/encrypted", encoded.Metadata["encoding"].ToStringUtf8());
        Assert.Equal("k1", encoded.Metadata["encryption-key-id"].ToStringUtf8());
        Assert.Equal(2, encoded.Metadata.Count); // the original encoding travels inside the ciphertext
        Assert.DoesNotContain("974652269", encoded.ToByteString().ToStringUtf8(), StringComparison.Ordinal);
        Assert.DoesNotContain("json/plain", encoded.ToByteString().ToStringUtf8(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_payload_gets_a_fresh_nonce()
    {
        var codec = new PayloadEncryptionCodec(Ring("k1", ("k1", OldKey)));
        var payload = Json("\"same\"");

        var encoded = await codec.EncodeAsync([payload, payload]);

        Assert.NotEqual(encoded.First().Data, encoded.Last().Data);
        Assert.NotEqual(encoded.First().Data.Span[..12].ToArray(), encoded.Last().Data.Span[..12].ToArray());
    }

    [Fact]
    public async Task After_rotation_new_payloads_use_the_new_key_and_old_ones_still_decode()
    {
        var before = new PayloadEncryptionCodec(Ring("old", ("old", OldKey)));
        var written = Assert.Single(await before.EncodeAsync([Json("\"written a month ago\"")]));
        var after = new PayloadEncryptionCodec(Ring("new", ("old", OldKey), ("new", NewKey)));

        var fresh = Assert.Single(await after.EncodeAsync([Json("\"today\"")]));

        Assert.Equal("new", fresh.Metadata["encryption-key-id"].ToStringUtf8());
        Assert.Equal("\"written a month ago\"", Assert.Single(await after.DecodeAsync([written])).Data.ToStringUtf8());
    }

    [Fact]
    public async Task A_payload_of_a_key_the_ring_does_not_hold_is_refused_naming_the_key()
    {
        var written = Assert.Single(await new PayloadEncryptionCodec(Ring("gone", ("gone", OldKey))).EncodeAsync([Json("1")]));
        var codec = new PayloadEncryptionCodec(Ring("new", ("new", NewKey)));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => codec.DecodeAsync([written]));

        Assert.Contains("key 'gone'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Encryption__Keys__gone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Altered_data_or_an_altered_key_id_fails_to_decrypt()
    {
        var codec = new PayloadEncryptionCodec(Ring("a", ("a", OldKey), ("b", OldKey)));
        var encoded = Assert.Single(await codec.EncodeAsync([Json("\"x\"")]));
        var data = encoded.Data.ToByteArray();
        data[^1] ^= 1;
        var alteredData = new Payload(encoded) { Data = ByteString.CopyFrom(data) };
        var alteredKeyId = new Payload(encoded);
        alteredKeyId.Metadata["encryption-key-id"] = ByteString.CopyFromUtf8("b"); // same key bytes, other id

        await Assert.ThrowsAnyAsync<CryptographicException>(() => codec.DecodeAsync([alteredData]));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => codec.DecodeAsync([alteredKeyId]));
    }

    [Fact]
    public async Task A_payload_recorded_before_encryption_passes_through_unchanged()
    {
        var codec = new PayloadEncryptionCodec(Ring("k1", ("k1", OldKey)));
        var plain = Json("""{"recorded":"release-1"}""");

        Assert.Same(plain, Assert.Single(await codec.DecodeAsync([plain])));
    }

    [Fact]
    public async Task A_failure_s_message_and_stack_trace_travel_encrypted()
    {
        var converter = CaseDataConverter.With(Ring("k1", ("k1", OldKey)));
        var failure = converter.FailureConverter.ToFailure(
            new ApplicationFailureException("veileder wrote: 974652269"), converter.PayloadConverter);

        await converter.PayloadCodec!.EncodeFailureAsync(failure);

        Assert.Equal("Encoded failure", failure.Message);
        Assert.DoesNotContain("974652269", failure.ToByteString().ToStringUtf8(), StringComparison.Ordinal);
        await converter.PayloadCodec!.DecodeFailureAsync(failure);
        var back = converter.FailureConverter.ToException(failure, converter.PayloadConverter);
        Assert.Equal("veileder wrote: 974652269", back.Message);
    }

    [Fact]
    public void A_ring_refuses_a_key_of_the_wrong_size_and_a_current_key_it_does_not_hold()
    {
        Assert.Contains("16 bytes", Assert.Throws<ArgumentException>(() => Ring("k", ("k", new byte[16]))).Message, StringComparison.Ordinal);
        Assert.Contains("'missing'", Assert.Throws<ArgumentException>(() => Ring("missing", ("k", OldKey))).Message, StringComparison.Ordinal);
    }

    private static EncryptionKeyRing Ring(string current, params (string Id, byte[] Key)[] keys) =>
        new(current, keys.ToDictionary(k => k.Id, k => k.Key));

    private static Payload Json(string json) => new()
    {
        Metadata = { ["encoding"] = ByteString.CopyFromUtf8("json/plain") },
        Data = ByteString.CopyFromUtf8(json),
    };
}
