using System.Net;
using System.Net.Sockets;

namespace Sykefravaer.Testing;

/// <summary>Ports for the servers tests start as processes.</summary>
public static class LoopbackPorts
{
    /// <summary>A loopback port nothing listens on now (the system's choice, so parallel tests do not collide).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
