using System.Diagnostics;

namespace Forecast.Benchmark;

/// <summary>
/// The highest working set and managed heap seen while a measurement runs, sampled every 50 ms on a thread of its
/// own. The process's own peak (VmHWM) only ever rises, so it cannot show whether the second, larger population
/// needed more memory than the first; a peak per measurement can.
/// </summary>
public sealed class MemorySampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly Thread thread;
    private readonly ManualResetEventSlim stop = new();
    private readonly Process process = Process.GetCurrentProcess();

    public MemorySampler()
    {
        Sample();
        thread = new Thread(Run) { IsBackground = true, Name = "memory sampler" };
        thread.Start();
    }

    public long PeakWorkingSet { get; private set; }

    /// <summary>Bytes in the managed heap, live or not yet collected (GC.GetTotalMemory without a collection).</summary>
    public long PeakManagedHeap { get; private set; }

    /// <summary>Stops sampling, after one last sample; the peaks stay readable.</summary>
    public void Dispose()
    {
        if (stop.IsSet)
        {
            return;
        }

        stop.Set();
        thread.Join();
        Sample();
        process.Dispose();
    }

    private void Run()
    {
        while (!stop.Wait(Interval))
        {
            Sample();
        }
    }

    private void Sample()
    {
        process.Refresh();
        PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
        PeakManagedHeap = Math.Max(PeakManagedHeap, GC.GetTotalMemory(forceFullCollection: false));
    }
}
