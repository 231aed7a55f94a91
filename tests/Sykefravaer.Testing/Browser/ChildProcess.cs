using System.Diagnostics;
using System.Text;

namespace Sykefravaer.Testing.Browser;

/// <summary>Runs a process to its end, or kills it (with its children: chromium's) when it takes too long.</summary>
internal static class ChildProcess
{
    /// <summary>The exit code (null when killed for taking too long) and everything printed, both streams
    /// interleaved in the order the lines came.</summary>
    public sealed record Run(int? ExitCode, string Output);

    public static async Task<Run> RunAsync(ProcessStartInfo start, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{start.FileName} did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            Append($"(killed after {timeout.TotalSeconds:0} s)");
            return new Run(null, Snapshot(output));
        }

        // WaitForExitAsync has also waited for both redirected streams to end: the output is whole.
        return new Run(process.ExitCode, Snapshot(output));
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
