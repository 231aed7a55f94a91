using System.Globalization;

namespace Sykefravaer.Embedded.Postgres;

/// <summary>What a data folder holds: nothing yet, or a cluster made by some major version.</summary>
internal sealed record DataFolder(string Path, int? ClusterMajorVersion)
{
    public bool HasCluster => ClusterMajorVersion is not null;

    public string ServerLog => System.IO.Path.Combine(Path, "server.log");

    /// <summary>Looks at <paramref name="path"/>. A folder that holds something other than a cluster is refused rather
    /// than initialised over, since it is probably a wrong path to someone's files.</summary>
    public static DataFolder Inspect(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var versionFile = System.IO.Path.Combine(fullPath, "PG_VERSION");
        if (File.Exists(versionFile))
        {
            var text = File.ReadAllText(versionFile).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                ? new DataFolder(fullPath, major)
                : throw new PrivatePostgresException($"{versionFile} does not hold a PostgreSQL major version ('{text}').");
        }

        if (Directory.Exists(fullPath) && Directory.EnumerateFileSystemEntries(fullPath).Any())
        {
            throw new PrivatePostgresException(
                $"{fullPath} is neither empty nor a PostgreSQL cluster (no PG_VERSION): choose an empty or new folder.");
        }

        return new DataFolder(fullPath, null);
    }
}
