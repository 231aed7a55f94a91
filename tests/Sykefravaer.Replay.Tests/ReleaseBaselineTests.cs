using Sykefravaer.Workflows.Replay;

namespace Sykefravaer.Replay.Tests;

/// <summary>
/// The proofs for docs/EVOLUTION.md: release 1 is a baseline without patches, and a change to the workflow's commands
/// made without a patch breaks the release's running cases, which the replay tests catch.
/// </summary>
public sealed class ReleaseBaselineTests
{
    [Fact]
    public async Task The_release_histories_carry_no_patch_marker()
    {
        var histories = await Corpus.LoadGenerationAsync(Corpus.Release1);

        Assert.All(histories, h => Assert.Equal(0, HistoryContents.PatchMarkers(h)));
    }

    [Fact]
    public async Task A_command_change_without_a_patch_breaks_the_release_histories_that_took_the_changed_path()
    {
        var histories = await Corpus.LoadGenerationAsync(Corpus.Release1);
        var results = await CaseReplayer.ReplayAsync(histories, new DropDecisionRecords());

        var broken = results.Where(r => r.ReplayFailure is not null).Select(r => r.History.Id).ToHashSet();
        var withDecisions = histories.Where(h => HistoryContents.LocalActivityTypes(h).Contains("RecordDecision")).Select(h => h.Id);
        Assert.NotEmpty(broken);
        Assert.Equal(withDecisions.ToHashSet(), broken);
        Assert.All(results.Where(r => r.ReplayFailure is not null),
            r => Assert.Contains("nondetermin", r.ReplayFailure!.Message, StringComparison.OrdinalIgnoreCase));
    }
}
