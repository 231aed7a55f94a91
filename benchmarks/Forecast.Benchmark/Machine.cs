using System.Globalization;
using System.Runtime.InteropServices;

namespace Forecast.Benchmark;

/// <summary>What the figures were measured on: they mean little without the cores, the CPU and how busy it was.</summary>
public static class Machine
{
    public static string Describe() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {LoadAverage()}");

    /// <summary>The 1-minute load average (/proc/loadavg): on a shared build machine, how many others wanted the cores.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}
