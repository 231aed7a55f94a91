using System.Diagnostics;
using System.Globalization;
using System.Net;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Testing;

namespace Sykefravaer.Api.Tests.Restart;

/// <summary>
/// The engine as a newcomer runs it (the API in embedded mode: private PostgreSQL, the offline Temporal server, the
/// case worker, all in one data folder), as a process that a test can kill with SIGKILL and start again.
/// </summary>
internal sealed class EngineProcess : IAsyncDisposable
{
    private readonly string dataFolder;
    private readonly int port;
    private Process? process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> lastErrors = new();

    private EngineProcess(string dataFolder, int port)
    {
        this.dataFolder = dataFolder;
        this.port = port;
        Api = new ApiClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) });
    }

    public ApiClient Api { get; }

    public static EngineProcess Create() => new(
        Path.Combine(Path.GetTempPath(), "sykefravaer-engine-" + Guid.NewGuid().ToString("N")), LoopbackPorts.Free());

    /// <summary>Starts the engine and waits until its API answers.</summary>
    public async Task StartAsync()
    {
        var dll = RepositoryBuild.OutputFile("api", "Sykefravaer.Api.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root a newcomer's `dotnet run --project api` has.
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(dll)!, "..", "..", "..")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Engine__Embedded"] = "true";
        start.Environment["Engine__DataFolder"] = dataFolder;
        start.Environment["Temporal__Address"] = "";
        start.Environment["Auth__Issuer"] = ApiFactory.Issuer;
        start.Environment["Auth__Audience"] = ApiFactory.Audience;
        start.Environment["Auth__JwksJson"] = TestSigning.JwksJson;
        // The tests poll the search as one caller; the production limits would refuse them (ApiFactory does the same).
        start.Environment["RateLimits__Search__PermitLimit"] = "1000000";
        start.Environment["RateLimits__Events__PermitLimit"] = "1000000";
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => Remember(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                throw new InvalidOperationException(
                    $"The engine exited with {process.ExitCode} while starting. Its last error output:\n{string.Join('\n', lastErrors)}");
            }
            try
            {
                using var response = await Api.SendAsync(HttpMethod.Get, "/api/v1/tasks", null, ApiClient.Token(Sykefravaer.Api.Auth.ApiRoles.Veileder));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
    }

    // The tail of the engine's error output, so a failed start says why (an unhandled exception's message and stack).
    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }
        lastErrors.Enqueue(line);
        while (lastErrors.Count > 60 && lastErrors.TryDequeue(out _))
        {
        }
    }

    /// <summary>SIGKILL to the engine and everything it started as its children (the offline Temporal server).</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
        }
        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Api.Http.Dispose();
        // The private PostgreSQL outlives the engine (pg_ctl starts it as a daemon), as it does for a newcomer.
        await StopPostgresAsync();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
        catch (UnauthorizedAccessException)
        {
            // The cluster folder belongs to the cluster user.
        }
    }

    private async Task StopPostgresAsync()
    {
        var pgCtl = Directory.GetFiles("/usr/lib/postgresql", "pg_ctl", SearchOption.AllDirectories).FirstOrDefault();
        var cluster = Path.Combine(dataFolder, "postgres");
        if (pgCtl is null || !Directory.Exists(cluster))
        {
            return;
        }
        var stop = new ProcessStartInfo(pgCtl) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "stop", "-D", cluster, "-m", "immediate" })
        {
            stop.ArgumentList.Add(argument);
        }
        if (Environment.UserName == "root")
        {
            // As root the cluster runs as Debian's postgres user (embedded/Postgres/ClusterUser.cs).
            stop = new ProcessStartInfo("runuser") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-u", "postgres", "--", pgCtl, "stop", "-D", cluster, "-m", "immediate" })
            {
                stop.ArgumentList.Add(argument);
            }
        }
        using var stopping = Process.Start(stop)!;
        await stopping.WaitForExitAsync();
    }


    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
