using System.Diagnostics;
using Sykefravaer.Testing;

namespace Sykefravaer.Worker.Tests.Infrastructure;

/// <summary>What a run of the worker's command line printed, and how it ended.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the built worker (<c>dotnet Sykefravaer.Worker.dll VERB …</c>) as a process, as
/// <c>dotnet run --project worker -- VERB …</c> does, with a time limit so a hung command fails its test.</summary>
public static class WorkerCli
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(3);

    public static async Task<CliResult> RunAsync(
        IEnumerable<string> args, string? stdin = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = StartInfo(args, environment);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The worker did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin ?? string.Empty).ConfigureAwait(false);
        process.StandardInput.Close();

        using var limit = new CancellationTokenSource(TimeLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"worker {string.Join(' ', start.ArgumentList.Skip(1))} ran longer than {TimeLimit}");
        }

        return new CliResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>How the built worker is started, with its output redirected: for a command that ends, and for the
    /// long-running worker a test starts and stops.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(RepositoryBuild.OutputFile("worker", "Sykefravaer.Worker.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    // `dotnet test` names the host it runs under; the same host runs the worker.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
