using System.Globalization;

namespace Replay.Benchmark;

/// <summary>This process's peak resident memory, as Linux records it (VmHWM, the resident set's high-water mark).</summary>
internal static class PeakMemory
{
    public static string Describe()
    {
        const string status = "/proc/self/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is null
            ? "n/a (no /proc)"
            : string.Create(CultureInfo.InvariantCulture, $"{long.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024.0:F0} MiB");
    }
}
