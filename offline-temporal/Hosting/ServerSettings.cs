using System.Net;

namespace Sykefravaer.OfflineTemporal.Hosting;

/// <summary>How the server was asked to run, whichever command line it was started with.</summary>
/// <param name="Address">Address to listen on; loopback unless the dev-server command line names another.</param>
/// <param name="Port">TCP port for the gRPC frontend.</param>
/// <param name="TimeSkipping">
/// True when started like Temporal's time-skipping test server: the clock jumps ahead whenever all work is idle and
/// the TestService is served. False when started like the dev server: time is real.
/// </param>
/// <param name="Namespaces">Namespaces that exist from the start.</param>
/// <param name="SearchAttributes">Custom search attributes registered on the command line (name to type name).</param>
internal sealed record ServerSettings(
    IPAddress? Address,
    int Port,
    bool TimeSkipping,
    IReadOnlyList<string> Namespaces,
    IReadOnlyDictionary<string, string> SearchAttributes);
