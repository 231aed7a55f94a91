using System.Globalization;

namespace Sykefravaer.Embedded.Postgres;

/// <summary>initdb and pg_ctl for one data folder, run as the cluster's user.</summary>
internal sealed class PgCtl(PostgresBinaries binaries, ClusterUser user, DataFolder folder, TimeSpan timeout)
{
    /// <summary>The superuser initdb creates; named explicitly so it is the same whoever runs initdb.</summary>
    public const string Superuser = "postgres";

    private string WaitSeconds => ((int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public async Task InitDbAsync(bool durable, CancellationToken cancellationToken)
    {
        // Trust only on loopback: initdb's pg_hba.conf lists the unix socket and 127.0.0.1/::1 and nothing else,
        // and the server listens on 127.0.0.1 only, so no other machine can connect at all.
        List<string> arguments =
            ["-D", folder.Path, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--no-locale"];
        if (!durable)
        {
            arguments.Add("--no-sync");
        }

        var result = await user.RunAsync(binaries.InitDb, arguments, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new PrivatePostgresException($"initdb failed for {folder.Path} (exit code {result.ExitCode}): {result.Output}");
        }
    }

    /// <summary>Whether a server runs in the folder (pg_ctl status: 0 running, 3 not running, 4 no cluster).</summary>
    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var result = await user.RunAsync(binaries.PgCtl, ["status", "-D", folder.Path], cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }

    public async Task StartAsync(int port, bool durable, CancellationToken cancellationToken)
    {
        ServerLog.RotateIfLarge(folder.ServerLog);
        var result = await user.RunAsync(
            binaries.PgCtl,
            ["start", "-D", folder.Path, "-l", folder.ServerLog, "-w", "-t", WaitSeconds, "-o", ServerOptions(port, durable)],
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var tail = await ServerLog.TailAsync(folder.ServerLog, cancellationToken).ConfigureAwait(false);
            throw new PrivatePostgresException(
                $"The PostgreSQL cluster in {folder.Path} did not start on 127.0.0.1:{port}: {result.Output}"
                + $"{Environment.NewLine}Server log ({folder.ServerLog}), last lines:{Environment.NewLine}{tail}")
            {
                PortTaken = tail.Contains("Address already in use", StringComparison.Ordinal),
            };
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Fast: roll back open transactions and disconnect clients at once, but shut down cleanly (no recovery at
        // the next start), unlike immediate.
        var result = await user.RunAsync(
            binaries.PgCtl, ["stop", "-D", folder.Path, "-m", "fast", "-w", "-t", WaitSeconds], cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && await IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new PrivatePostgresException($"The PostgreSQL cluster in {folder.Path} did not stop: {result.Output}");
        }
    }

    // pg_ctl hands these to the server through /bin/sh, so the socket folder is single-quoted; PrivatePostgres
    // refuses data folders whose path contains a quote.
    private string ServerOptions(int port, bool durable)
    {
        var options = $"-c listen_addresses=127.0.0.1 -p {port.ToString(CultureInfo.InvariantCulture)} -k '{folder.Path}'";
        return durable ? options : options + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    }
}
