using Microsoft.Extensions.Hosting;
using Sykefravaer.Hosting.Encryption;
using Sykefravaer.Workflows.DataConversion;
using Sykefravaer.Workflows.Replay;

namespace Sykefravaer.Worker.Histories;

/// <summary><c>replay FILE|FOLDER…</c>: replays recorded histories against this build's workflow code. Exit code 1
/// when any is nondeterministic (each named with the reason), 2 for bad arguments or unreadable files.</summary>
public static class ReplayCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args.Any(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            await Console.Error.WriteLineAsync("usage: replay FILE|FOLDER…").ConfigureAwait(false);
            return 2;
        }

        var files = CaseHistoryFiles.Expand(args);
        var histories = new List<Temporalio.Common.WorkflowHistory>();
        foreach (var file in files)
        {
            try
            {
                histories.Add(await CaseHistoryFiles.LoadAsync(file).ConfigureAwait(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException or Google.Protobuf.InvalidProtocolBufferException)
            {
                await Console.Error.WriteLineAsync($"{file}: cannot read a history: {e.Message}").ConfigureAwait(false);
                return 2;
            }
        }

        // The configured keys (Encryption__*) for histories exported from a deployment, and the development key.
        var keys = EncryptionSettings.KeyRingForTools(Host.CreateApplicationBuilder([]).Configuration);
        var results = await CaseReplayer.ReplayAsync(CaseDataConverter.With(keys), histories).ConfigureAwait(false);
        var failed = 0;
        foreach (var (file, result) in files.Zip(results))
        {
            if (result.ReplayFailure is { } failure)
            {
                failed++;
                await Console.Error.WriteLineAsync($"{file}: NONDETERMINISTIC: {failure.Message}").ConfigureAwait(false);
            }
            else
            {
                await Console.Out.WriteLineAsync($"{file}: ok").ConfigureAwait(false);
            }
        }

        await Console.Out.WriteLineAsync($"{files.Count - failed} of {files.Count} histories replayed deterministically").ConfigureAwait(false);
        return failed == 0 ? 0 : 1;
    }
}
