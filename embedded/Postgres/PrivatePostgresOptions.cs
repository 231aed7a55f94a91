namespace Sykefravaer.Embedded.Postgres;

/// <summary>Where and how <see cref="PrivatePostgres"/> runs its cluster.</summary>
public sealed record PrivatePostgresOptions
{
    /// <summary>Gets the cluster's data folder (PGDATA). Created and initialised when missing or empty; an existing
    /// cluster in it is reused, so data survives between runs. Its server log and unix socket live in it too.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Gets the loopback TCP port to listen on, or null for a free one chosen at start.</summary>
    public int? Port { get; init; }

    /// <summary>Gets the database created (if missing) for the caller; the connection string names it.</summary>
    public string Database { get; init; } = "sykefravaer";

    /// <summary>Gets a value indicating whether writes survive a machine crash. False turns off fsync and friends:
    /// several times faster, and fine for a throwaway test cluster, never for data that must be kept.</summary>
    public bool Durable { get; init; } = true;

    /// <summary>Gets the folder holding one sub-folder per installed major version, as Debian lays them out.</summary>
    public string BinariesRoot { get; init; } = "/usr/lib/postgresql";

    /// <summary>Gets how long to wait for the server to accept connections (or to stop) before giving up.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}
