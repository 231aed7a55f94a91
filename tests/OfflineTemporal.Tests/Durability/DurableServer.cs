using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OfflineTemporal.Tests.Smoke;
using Sykefravaer.Testing;
using Temporalio.Client;

namespace OfflineTemporal.Tests.Durability;

/// <summary>
/// The offline server in dev-server mode on a database file of its own, started as a process so a test can kill it
/// (SIGKILL, nothing flushed) and start it again on the same file and port.
/// </summary>
internal sealed class DurableServer : IAsyncDisposable
{
    private readonly string folder;
    private readonly StringBuilder errors = new();
    private Process? process;

    private DurableServer(string folder, int port)
    {
        this.folder = folder;
        Port = port;
        DbFile = Path.Combine(folder, "temporal.db");
    }

    public string DbFile { get; }

    public int Port { get; }

    public string Target => $"127.0.0.1:{Port}";

    public bool IsRunning => process is { HasExited: false };

    public static DurableServer Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "offline-temporal-durable-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new DurableServer(folder, LoopbackPorts.Free());
    }

    /// <summary>Starts the server and waits until it listens; <paramref name="extraArguments"/> go on its command line.</summary>
    public async Task StartAsync(params string[] extraArguments)
    {
        process?.Dispose();
        process = Launch(Port, DbFile, extraArguments, errors);
        await WaitUntilListeningAsync();
    }

    /// <summary>Starts a second server process on the same file and returns its exit code and standard error.</summary>
    public async Task<(int ExitCode, string Error)> RunCompetitorAsync()
    {
        var competitorErrors = new StringBuilder();
        using var competitor = Launch(LoopbackPorts.Free(), DbFile, [], competitorErrors);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await competitor.WaitForExitAsync(timeout.Token);
        return (competitor.ExitCode, competitorErrors.ToString());
    }

    /// <summary>Kills the server with SIGKILL: no shutdown code runs, nothing is flushed.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
        }
    }

    /// <summary>Waits until the server has ended by itself (a <c>--kill-after-writes</c> fault).</summary>
    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        if (process is { } running)
        {
            await running.WaitForExitAsync(cancellationToken);
        }
    }

    public Task<TemporalClient> ConnectAsync() => TemporalClient.ConnectAsync(new(Target));

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }

    private static Process Launch(int port, string dbFile, IEnumerable<string> extraArguments, StringBuilder errors)
    {
        var start = new ProcessStartInfo(SmokeServer.ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "server", "start-dev", "--headless", "--port", port.ToString(CultureInfo.InvariantCulture), "--db-filename", dbFile }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }
        var launched = Process.Start(start)!;
        launched.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
            {
                errors.AppendLine(line.Data);
            }
        };
        launched.OutputDataReceived += (_, _) => { };
        launched.BeginErrorReadLine();
        launched.BeginOutputReadLine();
        return launched;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (process!.HasExited)
            {
                // Waits for the end of its redirected output too, so the message holds all it said.
                process.WaitForExit();
                throw new InvalidOperationException($"The server exited with {process.ExitCode}: {errors}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

}
