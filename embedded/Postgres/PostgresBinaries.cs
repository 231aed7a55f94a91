using System.Globalization;

namespace Sykefravaer.Embedded.Postgres;

/// <summary>The server programs of one installed PostgreSQL major version (Debian: /usr/lib/postgresql/N/bin).</summary>
internal sealed record PostgresBinaries(int MajorVersion, string BinDirectory)
{
    private const string InstallHint = "Install Debian's postgresql package (`apt-get install -y postgresql`).";

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>Finds the binaries for <paramref name="requiredMajorVersion"/> (an existing cluster can only be run
    /// by the major version that made it), or the newest installed when any will do.</summary>
    public static PostgresBinaries Locate(string root, int? requiredMajorVersion)
    {
        var installed = Installed(root);
        if (installed.Count == 0)
        {
            throw new PrivatePostgresException(
                $"No PostgreSQL server binaries found under {root} (looked for {root}/<version>/bin/initdb and pg_ctl). "
                + InstallHint);
        }

        if (requiredMajorVersion is null)
        {
            return installed[^1];
        }

        return installed.FirstOrDefault(binaries => binaries.MajorVersion == requiredMajorVersion)
            ?? throw new PrivatePostgresException(
                $"The existing cluster was made by PostgreSQL {requiredMajorVersion}, but only "
                + $"{string.Join(", ", installed.Select(binaries => binaries.MajorVersion))} is installed under {root}. "
                + $"Install postgresql-{requiredMajorVersion}, or remove the data folder to start afresh.");
    }

    private static List<PostgresBinaries> Installed(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(root)
            .Select(directory => (Name: Path.GetFileName(directory), Bin: Path.Combine(directory, "bin")))
            .Where(candidate => int.TryParse(candidate.Name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(candidate => new PostgresBinaries(int.Parse(candidate.Name, CultureInfo.InvariantCulture), candidate.Bin))
            .Where(binaries => File.Exists(binaries.InitDb) && File.Exists(binaries.PgCtl))
            .OrderBy(binaries => binaries.MajorVersion)
            .ToList();
    }
}
