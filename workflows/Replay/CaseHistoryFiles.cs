using Temporalio.Common;

namespace Sykefravaer.Workflows.Replay;

/// <summary>
/// Recorded Temporal histories of case workflows as files: one run per file, in the SDK's JSON format
/// (<see cref="WorkflowHistory.ToJson()"/>, which the Temporal CLI and UI export too). The file name stands in for
/// the workflow ID, which that format does not hold and replay does not need.
/// </summary>
public static class CaseHistoryFiles
{
    /// <summary>The files named, with every <c>*.json</c> below each folder named, in a stable order.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return paths
            .SelectMany<string, string>(path => Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : [path])
            .ToList();
    }

    /// <exception cref="InvalidDataException">The file is JSON but not the history of a case workflow run (the SDK
    /// reads any JSON object as a history, and replaying one that does not start a run never ends).</exception>
    public static async Task<WorkflowHistory> LoadAsync(string path)
    {
        var history = WorkflowHistory.FromJson(
            Path.GetFileNameWithoutExtension(path), await File.ReadAllTextAsync(path).ConfigureAwait(false));
        var first = history.Events.FirstOrDefault();
        if (first?.WorkflowExecutionStartedEventAttributes is not { } started)
        {
            throw new InvalidDataException(
                first is null
                    ? "it has no events (is it a history, exported with export-history or --record-histories?)"
                    : $"its first event is {first.EventType}, not the start of a workflow run");
        }

        return started.WorkflowType?.Name == OppfolgingstilfelleWorkflow.Name
            ? history
            : throw new InvalidDataException(
                $"it is a run of workflow type \"{started.WorkflowType?.Name}\", not {OppfolgingstilfelleWorkflow.Name}");
    }

    /// <summary>Writes each run as <c>NAME.N.json</c> (N from 1, oldest run first) into <paramref name="folder"/>.</summary>
    /// <returns>The paths written.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, string name, IEnumerable<WorkflowHistory> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var run in runs)
        {
            var path = Path.Combine(folder, $"{name}.{written.Count + 1}.json");
            await File.WriteAllTextAsync(path, run.ToJson()).ConfigureAwait(false);
            written.Add(path);
        }

        return written;
    }
}
