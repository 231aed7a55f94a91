using System.Diagnostics;

namespace Sykefravaer.OfflineTemporal.Hosting;

/// <summary>
/// Stops the server when the process that started it is gone (<c>--parent-pid</c>). A host killed with SIGKILL
/// cannot stop its child, and an orphaned server would keep its database file locked, so the host's next start
/// could not open it.
/// </summary>
internal sealed class ParentProcessWatch(int parentPid, IHostApplicationLifetime lifetime, ILogger<ParentProcessWatch> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            if (!IsAlive(parentPid))
            {
                logger.LogWarning("The process that started this server ({Pid}) has ended; stopping.", parentPid);
                lifetime.StopApplication();
                return;
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // No process has that id any more.
        }
    }
}
