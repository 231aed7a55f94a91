using Sykefravaer.Embedded;
using Sykefravaer.Hosting;
using Sykefravaer.Workflows.Replay;

namespace Sykefravaer.Worker.Simulation;

/// <summary>
/// <c>simulate FILE|- [--record-histories DIR]</c>: runs a case history (README.md, "Simulate a case history") and
/// prints its outcome as JSON on standard output. Exit code 2 for bad input, which is refused before anything runs.
/// </summary>
public static class SimulateCommand
{
    public const string Usage = "usage: simulate FILE|- [--record-histories DIR]";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (file, recordTo) = args switch
        {
            [var f] => (f, null),
            [var f, "--record-histories", var dir] => (f, dir),
            _ => (null, (string?)null),
        };
        if (file is null)
        {
            return Fail(2, Usage);
        }

        SimulationInput input;
        try
        {
            input = SimulationInputReader.Read(await ReadAllAsync(file).ConfigureAwait(false));
        }
        catch (SimulationInputException e)
        {
            return Fail(2, $"{Describe(file)}: {e.Message}");
        }
        catch (IOException e)
        {
            return Fail(2, $"{Describe(file)}: {e.Message}");
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // stop the server cleanly instead of leaving it behind
            stop.Cancel();
        };

        SimulatedHistory history;
        try
        {
            history = await CaseHistorySimulator.RunAsync(
                input, OfflineTemporalServer.Locate(), fetchHistories: recordTo is not null, stop.Token).ConfigureAwait(false);
        }
        catch (SimulationInputException e)
        {
            return Fail(2, $"{Describe(file)}: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            return Fail(1, $"{Describe(file)}: the simulation failed: {e.Message}");
        }

        Console.Out.WriteLine(SimulationOutcome.From(history).ToJson());
        if (recordTo is not null)
        {
            var written = await CaseHistoryFiles.WriteAsync(recordTo, NameOf(file), history.Histories).ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"recorded {written.Count} histories: {string.Join(", ", written)}").ConfigureAwait(false);
        }

        return 0;
    }

    private static Task<string> ReadAllAsync(string file) =>
        file == "-" ? Console.In.ReadToEndAsync() : File.ReadAllTextAsync(file);

    private static string Describe(string file) => file == "-" ? "stdin" : file;

    private static string NameOf(string file) => file == "-" ? "stdin" : Path.GetFileNameWithoutExtension(file);

    private static int Fail(int exitCode, string message)
    {
        Console.Error.WriteLine(message);
        return exitCode;
    }
}
