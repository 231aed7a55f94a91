using System.Globalization;

namespace OfflineTemporal.Benchmark;

/// <summary>
/// Finds the process listening on a loopback TCP port, through /proc (Linux). The server is found by its port rather
/// than by its name because other test runs on the same machine may have servers of the same name running.
/// </summary>
public static class ListeningProcess
{
    private const string ListenState = "0A";

    /// <summary>Gets the pid listening on <paramref name="port"/>, or null if none is found.</summary>
    public static int? OnPort(int port)
    {
        var inodes = ListeningSocketInodes(port);
        if (inodes.Count == 0)
        {
            return null;
        }

        foreach (var processDirectory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(processDirectory), out var pid))
            {
                continue;
            }

            if (OwnsAnySocket(processDirectory, inodes))
            {
                return pid;
            }
        }

        return null;
    }

    // /proc/net/tcp lines: "sl local_address rem_address st ... inode", addresses as HEXIP:HEXPORT.
    private static HashSet<string> ListeningSocketInodes(int port)
    {
        var hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == ListenState && fields[1].EndsWith(":" + hexPort, StringComparison.Ordinal))
                {
                    inodes.Add(fields[9]);
                }
            }
        }

        return inodes;
    }

    private static bool OwnsAnySocket(string processDirectory, HashSet<string> inodes)
    {
        try
        {
            foreach (var descriptor in Directory.EnumerateFiles(Path.Combine(processDirectory, "fd")))
            {
                var target = new FileInfo(descriptor).LinkTarget;
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && inodes.Contains(target[8..^1]))
                {
                    return true;
                }
            }
        }
        catch (Exception error) when (error is UnauthorizedAccessException or DirectoryNotFoundException or IOException)
        {
            // Processes we may not inspect, or that ended while we looked, cannot be the server we started.
        }

        return false;
    }
}
