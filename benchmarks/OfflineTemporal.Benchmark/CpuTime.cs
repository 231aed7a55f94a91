using System.Globalization;

namespace OfflineTemporal.Benchmark;

/// <summary>
/// CPU time a process has used (user + system), as Linux records it. On a shared machine wall time says as much about
/// the neighbours as about the server; CPU time says what the server and the worker themselves cost.
/// </summary>
public static class CpuTime
{
    /// <summary>Gets the CPU time <paramref name="pid"/> has used so far, or null where /proc cannot tell.</summary>
    public static TimeSpan? OfProcess(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        // Fields after the parenthesised command name: state is field 3, utime 14 and stime 15, in clock ticks.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
    }

    /// <summary>Formats a CPU time in seconds.</summary>
    public static string Describe(TimeSpan? time) =>
        time is { } value ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:F1} s") : "n/a";

    // USER_HZ is 100 on every Linux this runs on; the kernel reports stat times in it.
    private const int ClockTicksPerSecond = 100;
}
