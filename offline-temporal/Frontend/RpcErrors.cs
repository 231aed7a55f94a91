using Grpc.Core;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>The errors the frontend answers with, worded like Temporal's where clients may match on them.</summary>
internal static class RpcErrors
{
    public static RpcException InvalidArgument(string message) => new(new Status(StatusCode.InvalidArgument, message));

    public static RpcException Unimplemented(string what) =>
        new(new Status(StatusCode.Unimplemented, $"{what} is not implemented by the offline Temporal server"));

    public static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw InvalidArgument(message);
        }
    }
}
