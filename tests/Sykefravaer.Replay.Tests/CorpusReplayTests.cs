using Sykefravaer.Workflows.Replay;

namespace Sykefravaer.Replay.Tests;

/// <summary>
/// Every recorded history replays against the workflow code of this build. A change that would make a running case
/// fail on its next workflow task (a command added, removed or reordered without <c>Workflow.Patched</c>) fails here.
/// </summary>
public sealed class CorpusReplayTests
{
    [Theory]
    [MemberData(nameof(Corpus.All), MemberType = typeof(Corpus))]
    public async Task History_replays_deterministically(string history)
    {
        var result = await CaseReplayer.Create().ReplayWorkflowAsync(await Corpus.LoadAsync(history), throwOnReplayFailure: false);

        Assert.Null(result.ReplayFailure);
    }

    [Fact]
    public void Corpus_holds_every_generation()
    {
        Assert.All(Corpus.Generations, generation => Assert.NotEmpty(Corpus.Files(Path.Combine(Corpus.Folder, generation))));
    }
}
