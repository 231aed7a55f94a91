using Sykefravaer.OfflineTemporal.Hosting;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>A group of gRPC handlers for one area of the API, registered by method name.</summary>
internal interface IRpcHandlers
{
    void Register(RpcRouteTable routes);
}
