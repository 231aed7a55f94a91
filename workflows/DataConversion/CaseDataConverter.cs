using Temporalio.Converters;

namespace Sykefravaer.Workflows.DataConversion;

/// <summary>
/// The one data converter of the engine: for the API's client, the worker, simulate, replay and the codec server
/// alike. JSON payloads as the SDK writes them, encrypted by <see cref="PayloadEncryptionCodec"/>, and failures whose
/// message and stack trace travel encrypted too (Temporal shows "Encoded failure" in their place): an exception's
/// message may quote a field a veileder wrote.
/// </summary>
public static class CaseDataConverter
{
    public static DataConverter With(EncryptionKeyRing keys) => DataConverter.Default with
    {
        PayloadCodec = new PayloadEncryptionCodec(keys),
        FailureConverter = new DefaultFailureConverter.WithEncodedCommonAttributes(),
    };
}
