using Sykefravaer.Workflows;
using Sykefravaer.Workflows.Replay;

namespace Sykefravaer.Replay.Tests;

/// <summary>
/// The proofs for docs/EVOLUTION.md, one pair per patch: each change replays old histories because it is behind
/// <c>Workflow.Patched</c> (every history replays in <see cref="CorpusReplayTests"/>), the same change without the
/// patch would break running cases and the replay tests catch it, and histories recorded since take the new path.
/// </summary>
public sealed class PatchSafetyTests
{
    [Fact]
    public async Task The_change_without_its_patch_breaks_histories_recorded_before_it()
    {
        var results = await CaseReplayer.ReplayAsync(
            await Corpus.LoadGenerationAsync(Corpus.Initial), new SkipUnchangedProjectionWithoutPatch());

        var broken = results.Where(r => r.ReplayFailure is not null).ToList();
        Assert.Contains(broken, r => r.History.Id == "corrections-and-duplicates.1");
        Assert.All(broken, r => Assert.Contains("nondetermin", r.ReplayFailure!.Message, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Histories_recorded_since_the_change_take_the_new_path()
    {
        var before = await Corpus.LoadGenerationAsync(Corpus.Initial);
        var since = await Corpus.LoadGenerationAsync(Corpus.SkipUnchangedProjection);

        Assert.DoesNotContain(before, h => HistoryContents.HasPatchMarker(h, WorkflowPatches.SkipUnchangedProjection));
        Assert.Contains(since, h => HistoryContents.HasPatchMarker(h, WorkflowPatches.SkipUnchangedProjection));
        Assert.True(
            since.Sum(h => HistoryContents.ActivitiesScheduled(h, "UpdateProjection"))
                < before.Sum(h => HistoryContents.ActivitiesScheduled(h, "UpdateProjection")),
            "the same inputs should write fewer projections since the change");
    }

    [Fact]
    public async Task Bookkeeping_as_local_activities_without_its_patch_breaks_histories_recorded_before_it()
    {
        var results = await CaseReplayer.ReplayAsync(
            await Corpus.LoadGenerationAsync(Corpus.SkipUnchangedProjection), new BookkeepingAsLocalActivitiesWithoutPatch());

        // Every case writes its projection, so every history recorded before the change breaks.
        Assert.All(results, r => Assert.Contains("nondetermin", r.ReplayFailure?.Message ?? "replayed", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Histories_recorded_since_bookkeeping_moved_to_local_activities_schedule_no_bookkeeping_activity()
    {
        var since = await Corpus.LoadGenerationAsync(Corpus.BookkeepingAsLocalActivities);

        Assert.All(since, h =>
        {
            Assert.True(HistoryContents.HasPatchMarker(h, WorkflowPatches.BookkeepingAsLocalActivities), $"{h.Id} has no patch marker");
            Assert.Equal(0, HistoryContents.ActivitiesScheduled(h, "UpdateProjection") + HistoryContents.ActivitiesScheduled(h, "RecordDecision"));
            Assert.NotEqual(0, HistoryContents.LocalActivityMarkers(h));
        });
    }

    [Fact]
    public async Task Moving_bookkeeping_to_local_activities_changed_no_notice_or_task()
    {
        var before = await Corpus.LoadGenerationAsync(Corpus.SkipUnchangedProjection);
        var since = await Corpus.LoadGenerationAsync(Corpus.BookkeepingAsLocalActivities);

        Assert.Equal(
            before.Select(h => (h.Id, string.Join(",", HistoryContents.EffectCodes(h)))),
            since.Select(h => (h.Id, string.Join(",", HistoryContents.EffectCodes(h)))));
    }

    [Fact]
    public async Task Remembering_closed_tilfeller_without_its_patch_breaks_histories_recorded_before_it()
    {
        var results = await CaseReplayer.ReplayAsync(
            await Corpus.LoadGenerationAsync(Corpus.BookkeepingAsLocalActivities), new EarlierTilfellerWithoutPatch());

        // Every run started by signal-with-start now reads the person's earlier tilfeller first, so each such history
        // fails: the worker takes the first local-activity marker in the history (a projection write) for the read's
        // result. three-cases.2 was started by continue-as-new, carrying its earlier tilfeller, and reads nothing.
        Assert.Equal(12, results.Count(r => r.ReplayFailure is not null));
        Assert.Null(Assert.Single(results, r => r.History.Id == "three-cases.2").ReplayFailure);
    }

    [Fact]
    public async Task Histories_recorded_since_closed_tilfeller_are_remembered_read_them_at_the_start_and_write_them_at_the_close()
    {
        var since = await Corpus.LoadGenerationAsync(Corpus.EarlierTilfellerFromStore);

        Assert.All(since, h => Assert.True(HistoryContents.HasPatchMarker(h, WorkflowPatches.EarlierTilfellerFromStore), $"{h.Id} has no patch marker"));
        var threeCases = since.Where(h => h.Id.StartsWith("three-cases.", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, threeCases.Count);
        Assert.All(threeCases, h => Assert.Contains("RecordClosedTilfelle", HistoryContents.LocalActivityTypes(h)));
        // The first and last runs were started by signal-with-start, so they read; the second was carried over.
        Assert.Equal(
            [true, false, true],
            threeCases.Select(h => HistoryContents.LocalActivityTypes(h).Contains("EarlierTilfeller")));
    }

    [Fact]
    public async Task Continuing_closed_cases_without_its_patch_breaks_histories_recorded_before_it()
    {
        var results = await CaseReplayer.ReplayAsync(
            await Corpus.LoadGenerationAsync(Corpus.RuleSet2026), new ContinueClosedCasesWithoutPatch());

        // Every run started by signal-with-start would now ask for the last closed case first; three-cases.2 was
        // started by continue-as-new and asks nothing.
        Assert.Equal(12, results.Count(r => r.ReplayFailure is not null));
        Assert.Null(Assert.Single(results, r => r.History.Id == "three-cases.2").ReplayFailure);
    }

    [Fact]
    public async Task Histories_recorded_since_closed_cases_are_continued_ask_for_the_last_one_and_remember_the_case_whole()
    {
        var before = await Corpus.LoadGenerationAsync(Corpus.RuleSet2026);
        var since = await Corpus.LoadGenerationAsync(Corpus.ContinueClosedCases);

        Assert.DoesNotContain(before, h => HistoryContents.LocalActivityTypes(h).Contains("LastClosedCase"));
        var continued = since.Where(h => h.Id.StartsWith("maksdato-continued.", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, continued.Count);
        Assert.All(continued, h =>
        {
            Assert.True(HistoryContents.HasPatchMarker(h, WorkflowPatches.ContinueClosedCases), $"{h.Id} has no patch marker");
            Assert.Contains("LastClosedCase", HistoryContents.LocalActivityTypes(h));
            Assert.Contains("RecordClosedCase", HistoryContents.LocalActivityTypes(h));
            Assert.DoesNotContain("RecordClosedTilfelle", HistoryContents.LocalActivityTypes(h));
        });
    }
}
