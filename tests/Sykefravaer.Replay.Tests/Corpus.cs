using Sykefravaer.Workflows.Replay;
using Temporalio.Common;

namespace Sykefravaer.Replay.Tests;

/// <summary>The recorded histories of tests/histories/recorded, copied beside the tests by the project file.
/// Each folder is one generation: histories recorded by the workflow code of one release (or of a patch after it),
/// kept while a case started under that code may still be running.</summary>
internal static class Corpus
{
    /// <summary>Release 1, the first release (git tag <c>release-1</c>): the baseline every later patch is
    /// measured against (docs/EVOLUTION.md).</summary>
    public const string Release1 = "release-1";

    /// <summary>After release 1, behind <c>WorkflowPatches.ProjectionShowsPeriodsAndEvents</c>: the projection shows
    /// the sykmelding periods and the events that came in.</summary>
    public const string ProjectionShowsPeriodsAndEvents = "release-1.1-projection-shows-periods-and-events";

    /// <summary>After release 1, with no patch (no command of an earlier history changes): the needs-based rule set
    /// 2027-behov and its events, kartleggingSvar and snartSluttSvar, recorded with every input.</summary>
    public const string NeedsBasedFollowUp = "release-1.1-needs-based-follow-up";

    public static IReadOnlyList<string> Generations { get; } = [Release1, ProjectionShowsPeriodsAndEvents, NeedsBasedFollowUp];

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
