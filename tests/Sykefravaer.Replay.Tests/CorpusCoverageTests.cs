using Sykefravaer.Domain.Milestones;
using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Replay.Tests;

/// <summary>The corpus is only worth as much as the paths it covers: every milestone and every event type, in the
/// histories of the code before the latest change (those that prove old cases survive it).</summary>
public sealed class CorpusCoverageTests
{
    [Fact]
    public async Task Every_milestone_fires_in_some_history()
    {
        var histories = await Corpus.LoadGenerationAsync(Corpus.Release1);
        var fired = histories.SelectMany(HistoryContents.EffectCodes).ToHashSet();

        Assert.Subset(fired, RuleSets.Current.Milestones.Select(m => m.Code).ToHashSet());
    }

    [Fact]
    public async Task Every_event_type_is_signalled_in_some_history()
    {
        var histories = await Corpus.LoadGenerationAsync(Corpus.Release1);
        var signalled = histories.SelectMany(HistoryContents.SignalNames).ToHashSet();

        Assert.Subset(signalled, EventTypes.Names.ToHashSet());
    }
}
