using System.Net;
using System.Net.Sockets;

namespace Sykefravaer.Embedded.Postgres;

internal static class LoopbackPort
{
    /// <summary>A port nothing listens on right now, chosen by the operating system.</summary>
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
