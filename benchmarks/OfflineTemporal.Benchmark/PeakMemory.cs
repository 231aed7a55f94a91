using System.Globalization;

namespace OfflineTemporal.Benchmark;

/// <summary>Peak resident memory of a process, as Linux records it (VmHWM, the resident set's high-water mark).</summary>
public static class PeakMemory
{
    /// <summary>Gets the peak resident set of <paramref name="pid"/> in bytes, or null where /proc cannot tell.</summary>
    public static long? OfProcess(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is null ? null : long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Formats bytes as MiB.</summary>
    public static string Describe(long? bytes) =>
        bytes is { } value ? string.Create(CultureInfo.InvariantCulture, $"{value / (1024.0 * 1024.0):F0} MiB") : "n/a";
}
