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

    public static async Task<WorkflowHistory> LoadAsync(string path) =>
        WorkflowHistory.FromJson(Path.GetFileNameWithoutExtension(path), await File.ReadAllTextAsync(path).ConfigureAwait(false));

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
