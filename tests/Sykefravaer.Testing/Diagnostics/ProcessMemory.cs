using System.Globalization;

namespace Sykefravaer.Testing.Diagnostics;

/// <summary>Peak resident memory (VmHWM in /proc/&lt;pid&gt;/status, Linux) of a benchmark's own process and of the
/// server it started, for the figures the benchmarks print.</summary>
public static class ProcessMemory
{
    /// <summary>The peak resident set of <paramref name="pid"/> in MiB, or null where /proc cannot tell.</summary>
    public static double? PeakMiB(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is null ? null : long.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>The pid of the child process of ours whose command line names <paramref name="executable"/> (the SDK
    /// starts the test server as our child), or null.</summary>
    public static int? ChildRunning(string executable)
    {
        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var parent = File.ReadLines(Path.Combine(folder, "status")).FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline"));
                if (parent?.Split('\t', ' ').LastOrDefault() == self && commandLine.Contains(executable, StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return null;
    }

    /// <summary>The peak resident set of <paramref name="pid"/> (none found: null) as "123 MiB", or "n/a".</summary>
    public static string DescribePeak(int? pid) =>
        pid is { } known && PeakMiB(known) is { } mib ? string.Create(CultureInfo.InvariantCulture, $"{mib:F0} MiB") : "n/a";
}
