namespace Sykefravaer.Embedded.Postgres;

/// <summary>The cluster's server log, appended to by every start.</summary>
internal static class ServerLog
{
    private const long RotateAboveBytes = 10 * 1024 * 1024;
    private const int TailLines = 25;

    /// <summary>Keeps a long-lived data folder's log from growing without end: one previous log is kept.</summary>
    public static void RotateIfLarge(string path)
    {
        var log = new FileInfo(path);
        if (log.Exists && log.Length > RotateAboveBytes)
        {
            log.MoveTo(path + ".1", overwrite: true);
        }
    }

    /// <summary>The last lines of the log, where the server says why it did not start.</summary>
    public static async Task<string> TailAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return "(no server log was written)";
        }

        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        return string.Join(Environment.NewLine, lines.TakeLast(TailLines));
    }
}
