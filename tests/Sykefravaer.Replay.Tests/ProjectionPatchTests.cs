using Sykefravaer.Workflows;

namespace Sykefravaer.Replay.Tests;

/// <summary>The proofs docs/EVOLUTION.md asks of <see cref="WorkflowPatches.ProjectionShowsPeriodsAndEvents"/>: the
/// histories recorded with it carry its marker, and it changes commands (so it needed the patch): the same inputs
/// write the projection more often with it than release 1 did, on events that changed nothing else it showed.</summary>
public sealed class ProjectionPatchTests
{
    [Fact]
    public async Task The_histories_recorded_with_the_patch_carry_its_marker_once()
    {
        var histories = await Corpus.LoadGenerationAsync(Corpus.ProjectionShowsPeriodsAndEvents);

        Assert.Equal((await Corpus.LoadGenerationAsync(Corpus.Release1)).Count, histories.Count);
        Assert.All(histories, h => Assert.Equal(1, HistoryContents.PatchMarkers(h)));
    }

    [Fact]
    public async Task With_the_patch_the_projection_is_written_where_release_1_wrote_nothing()
    {
        var released = (await Corpus.LoadGenerationAsync(Corpus.Release1)).ToDictionary(h => h.Id);
        var patched = await Corpus.LoadGenerationAsync(Corpus.ProjectionShowsPeriodsAndEvents);

        var moreWrites = patched
            .Where(h => ProjectionWrites(h) > ProjectionWrites(released[h.Id]))
            .Select(h => h.Id)
            .ToList();
        var fewerWrites = patched.Where(h => ProjectionWrites(h) < ProjectionWrites(released[h.Id])).Select(h => h.Id);

        // A møtebehov without a need, a dialogmøte after its milestone, an assessment: each is shown now.
        Assert.Contains(moreWrites, id => id.StartsWith("dialogmoter", StringComparison.Ordinal));
        Assert.Contains(moreWrites, id => id.StartsWith("aktivitetskrav-stans", StringComparison.Ordinal));
        Assert.Empty(fewerWrites);
    }

    private static int ProjectionWrites(Temporalio.Common.WorkflowHistory history) =>
        HistoryContents.LocalActivityTypes(history).Count(type => type == "UpdateProjection");
}
