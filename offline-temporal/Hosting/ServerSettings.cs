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
/// <param name="DbFilename">
/// The dev server's <c>--db-filename</c>: the SQLite file that keeps every workflow across restarts. Null keeps
/// everything in memory, as Temporal's dev server does without the flag.
/// </param>
/// <param name="SqlitePragmas">The dev server's <c>--sqlite-pragma name=value</c> settings for that file.</param>
/// <param name="KillAfterWrites">
/// <c>--kill-after-writes N</c>, ours, for tests: the server kills itself right after its Nth durable write and
/// before answering the request that caused it.
/// </param>
/// <param name="ParentPid"><c>--parent-pid N</c>, ours: stop when that process is gone (see <see cref="ParentProcessWatch"/>).</param>
/// <param name="HistoryLimits">When workflow tasks suggest continue-as-new: Temporal's defaults, or the
/// <c>--dynamic-config-value limit.historyCount.suggestContinueAsNew=N</c> (and <c>limit.historySize…</c>) given.</param>
internal sealed record ServerSettings(
    IPAddress? Address,
    int Port,
    bool TimeSkipping,
    IReadOnlyList<string> Namespaces,
    IReadOnlyDictionary<string, string> SearchAttributes,
    string? DbFilename = null,
    IReadOnlyDictionary<string, string>? SqlitePragmas = null,
    int KillAfterWrites = 0,
    int? ParentPid = null,
    Engine.History.HistoryLimits? HistoryLimits = null);
