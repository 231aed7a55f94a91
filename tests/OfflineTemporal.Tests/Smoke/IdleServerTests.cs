using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

using Sykefravaer.Testing;

namespace OfflineTemporal.Tests.Smoke;

/// <summary>A server nobody talks to must not use the CPU that the worker and tests beside it need.</summary>
public class IdleServerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnIdleServerWithNoTimersLeavesTheCpuAlone(bool devServerMode)
    {
        var port = LoopbackPorts.Free();
        var arguments = devServerMode
            ? $"server start-dev --port {port} --headless"
            : port.ToString(CultureInfo.InvariantCulture);
        using var server = Process.Start(new ProcessStartInfo(SmokeServer.ExecutablePath, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            await WaitUntilListeningAsync(port);
            server.Refresh();
            var before = server.TotalProcessorTime;
            await Task.Delay(TimeSpan.FromSeconds(3));
            server.Refresh();
            var used = server.TotalProcessorTime - before;

            // A clock loop that never sleeps uses the whole 3 s; an idle one a few milliseconds.
            Assert.True(used < TimeSpan.FromSeconds(1), $"The idle server used {used.TotalMilliseconds:F0} ms of CPU in 3 s.");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }


    private static async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
