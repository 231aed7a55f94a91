using Sykefravaer.Workflows.Replay;
using Temporalio.Common;

namespace Sykefravaer.Replay.Tests;

/// <summary>The recorded histories of tests/histories/recorded, copied beside the tests by the project file.
/// Each folder is one generation: histories recorded by the workflow code of that time, kept for good.</summary>
internal static class Corpus
{
    public const string Initial = "01-initial";
    public const string SkipUnchangedProjection = "02-skip-unchanged-projection";
    public const string BookkeepingAsLocalActivities = "03-bookkeeping-local-activities";
    public const string EarlierTilfellerFromStore = "04-earlier-tilfeller-from-store";
    public const string RuleSet2026 = "05-rule-set-2026";
    public const string ContinueClosedCases = "06-continue-closed-cases";

    public static IReadOnlyList<string> Generations { get; } =
        [Initial, SkipUnchangedProjection, BookkeepingAsLocalActivities, EarlierTilfellerFromStore, RuleSet2026, ContinueClosedCases];

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "histories", "recorded");

    /// <summary>Every history, as paths relative to <see cref="Folder"/>, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> All => new(Files(Folder));

    public static IReadOnlyList<string> Files(string folder) =>
        CaseHistoryFiles.Expand([folder]).Select(path => Path.GetRelativePath(Folder, path)).ToList();

    public static Task<WorkflowHistory> LoadAsync(string relativePath) =>
        CaseHistoryFiles.LoadAsync(Path.Combine(Folder, relativePath));

    public static async Task<IReadOnlyList<WorkflowHistory>> LoadGenerationAsync(string generation)
    {
        var histories = new List<WorkflowHistory>();
        foreach (var file in Files(Path.Combine(Folder, generation)))
        {
            histories.Add(await LoadAsync(file));
        }

        return histories;
    }
}
