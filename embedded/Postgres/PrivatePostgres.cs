using Npgsql;

namespace Sykefravaer.Embedded.Postgres;

/// <summary>
/// A PostgreSQL cluster private to this process: made from the machine's own server binaries (Debian's
/// postgresql package) in a data folder that is kept between runs, listening only on loopback, trusted without a
/// password because nothing but this machine can reach it. Started by <see cref="StartAsync"/>, stopped on dispose.
/// For the one-command dev run and for tests; production uses an external database.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly PgCtl pgCtl;
    private readonly TimeSpan timeout;
    private bool running = true;

    private PrivatePostgres(PgCtl pgCtl, PrivatePostgresOptions options, int port, int majorVersion)
    {
        this.pgCtl = pgCtl;
        timeout = options.Timeout;
        DataDirectory = Path.GetFullPath(options.DataDirectory);
        Port = port;
        MajorVersion = majorVersion;
        ConnectionString = ConnectionStringFor(port, options.Database);
    }

    /// <summary>Gets the cluster's data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>Gets the loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Gets the PostgreSQL major version running the cluster.</summary>
    public int MajorVersion { get; }

    /// <summary>Gets a connection string for the options' database, as the superuser over loopback TCP.</summary>
    public string ConnectionString { get; }

    /// <summary>Initialises the cluster if its folder is empty, starts it, and creates the database if missing.</summary>
    public static async Task<PrivatePostgres> StartAsync(PrivatePostgresOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        DatabaseCreator.Validate(options.Database);
        var folder = DataFolder.Inspect(options.DataDirectory);
        if (folder.Path.Contains('\'', StringComparison.Ordinal))
        {
            throw new PrivatePostgresException($"The data folder path must not contain a single quote: {folder.Path}");
        }

        var binaries = PostgresBinaries.Locate(options.BinariesRoot, folder.ClusterMajorVersion);
        var user = ClusterUser.ForCurrentProcess();
        Directory.CreateDirectory(folder.Path);
        await user.TakeOwnershipAsync(folder.Path, cancellationToken).ConfigureAwait(false);

        var pgCtl = new PgCtl(binaries, user, folder, options.Timeout);
        if (!folder.HasCluster)
        {
            await pgCtl.InitDbAsync(options.Durable, cancellationToken).ConfigureAwait(false);
        }
        else if (await pgCtl.IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            // Left running by a run that crashed before stopping it; it may listen on another port. The folder is
            // private to us, so stop it and start afresh with this run's settings.
            await pgCtl.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        var port = await StartOnFreePortAsync(pgCtl, options, cancellationToken).ConfigureAwait(false);
        var cluster = new PrivatePostgres(pgCtl, options, port, binaries.MajorVersion);
        try
        {
            await DatabaseCreator.EnsureExistsAsync(ConnectionStringFor(port, "postgres"), options.Database, cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return cluster;
    }

    // A port found free can be taken by another process before the server binds it (parallel tests start several
    // clusters and servers at once); then a fresh port is tried. A port the options name is used as given.
    private static async Task<int> StartOnFreePortAsync(PgCtl pgCtl, PrivatePostgresOptions options, CancellationToken cancellationToken)
    {
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port ?? LoopbackPort.FindFree();
            try
            {
                await pgCtl.StartAsync(port, options.Durable, cancellationToken).ConfigureAwait(false);
                return port;
            }
            catch (PrivatePostgresException e) when (e.PortTaken && options.Port is null && attempt < attempts)
            {
            }
        }
    }

    /// <summary>Stops the server (fast shutdown: clients are disconnected, nothing is lost). The data stays; start
    /// it again with <see cref="StartAsync"/> on the same folder.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!running)
        {
            return;
        }

        await pgCtl.StopAsync(cancellationToken).ConfigureAwait(false);
        running = false;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(timeout);
        await StopAsync(stopping.Token).ConfigureAwait(false);
    }

    private static string ConnectionStringFor(int port, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = PgCtl.Superuser,
            Database = database,
        }.ConnectionString;
}
