using Microsoft.Extensions.Hosting;
using Sykefravaer.Hosting;
using Sykefravaer.Hosting.Encryption;
using Sykefravaer.Workflows.DataConversion;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;

namespace Sykefravaer.Worker.Histories;

/// <summary>
/// <c>export-history --workflow-id ID [--run-id R] [--out FILE]</c>: fetches one run's history from the Temporal the
/// worker is configured for (<c>Temporal__Address</c>, <c>Temporal__Namespace</c>) as replayable JSON, to FILE or
/// standard output. A production history holds personal data: see README.md, "Replay recorded histories".
/// </summary>
public static class ExportHistoryCommand
{
    private const string Usage = "usage: export-history --workflow-id ID [--run-id R] [--out FILE]";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (Options.Parse(args) is not { } options)
        {
            await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var configuration = Host.CreateApplicationBuilder([]).Configuration;
        var settings = EngineSettings.From(configuration);
        if (settings.TemporalAddress is null)
        {
            await Console.Error.WriteLineAsync("Temporal__Address is not configured: export-history reads from a running Temporal.").ConfigureAwait(false);
            return 2;
        }

        WorkflowHistory history;
        try
        {
            var client = await TemporalClient.ConnectAsync(new(settings.TemporalAddress)
            {
                Namespace = settings.TemporalNamespace,
                DataConverter = CaseDataConverter.With(EncryptionSettings.KeyRingForTools(configuration)),
                Runtime = CliTemporalRuntime.Instance,
            }).ConfigureAwait(false);
            history = await client.GetWorkflowHandle(options.WorkflowId, options.RunId).FetchHistoryAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync(
                $"cannot fetch the history of {options.WorkflowId} from {settings.TemporalAddress} ({settings.TemporalNamespace}): {e.Message}").ConfigureAwait(false);
            return 1;
        }

        if (options.Out is null)
        {
            await Console.Out.WriteLineAsync(history.ToJson()).ConfigureAwait(false);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Out))!);
            await File.WriteAllTextAsync(options.Out, history.ToJson()).ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"wrote {history.Events.Count} events to {options.Out}; replay it with: replay {options.Out}").ConfigureAwait(false);
        }

        return 0;
    }

    private sealed record Options(string WorkflowId, string? RunId, string? Out)
    {
        public static Options? Parse(string[] args)
        {
            string? workflowId = null, runId = null, output = null;
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                switch (args[i])
                {
                    case "--workflow-id": workflowId = args[i + 1]; break;
                    case "--run-id": runId = args[i + 1]; break;
                    case "--out": output = args[i + 1]; break;
                    default: return null;
                }
            }

            return args.Length % 2 == 0 && workflowId is not null ? new(workflowId, runId, output) : null;
        }
    }
}
