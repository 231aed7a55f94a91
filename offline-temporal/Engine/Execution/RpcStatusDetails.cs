using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// Encodes a <c>google.rpc.Status</c> for the <c>grpc-status-details-bin</c> trailer, where Temporal puts typed
/// error details. Its three fields are written by hand because no assembly at hand ships the message type.
/// </summary>
internal static class RpcStatusDetails
{
    public static byte[] Encode(StatusCode code, string message, params Any[] details)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        output.WriteTag(1, WireFormat.WireType.Varint);
        output.WriteInt32((int)code);
        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteString(message);
        foreach (var detail in details)
        {
            output.WriteTag(3, WireFormat.WireType.LengthDelimited);
            output.WriteMessage(detail);
        }
        output.Flush();
        return buffer.ToArray();
    }
}
