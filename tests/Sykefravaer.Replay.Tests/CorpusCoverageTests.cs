using Sykefravaer.Domain.Milestones;
using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Replay.Tests;

/// <summary>The corpus is only worth as much as the paths it covers: every milestone of every rule set and every
/// event type, in the histories of some generation. Release 1 covers what it knew; what came later is covered by the
/// generation recorded when it came.</summary>
public sealed class CorpusCoverageTests
{
    [Fact]
    public async Task Every_milestone_fires_in_some_history()
    {
        var fired = (await AllGenerationsAsync()).SelectMany(HistoryContents.EffectCodes).ToHashSet();

        Assert.All(RuleSets.All.SelectMany(r => r.Milestones).Select(m => m.Code).Distinct(), code => Assert.Contains(code, fired));
    }

    [Fact]
    public async Task Every_event_type_is_signalled_in_some_history()
    {
        var signalled = (await AllGenerationsAsync()).SelectMany(HistoryContents.SignalNames).ToHashSet();

        Assert.All(EventTypes.Names, name => Assert.Contains(name, signalled));
    }

    [Fact]
    public async Task Release_1_covers_every_milestone_and_event_type_it_knew()
    {
        var histories = await Corpus.LoadGenerationAsync(Corpus.Release1);

        Assert.Subset(histories.SelectMany(HistoryContents.EffectCodes).ToHashSet(), RuleSets.Current.Milestones.Select(m => m.Code).ToHashSet());
        Assert.Subset(
            histories.SelectMany(HistoryContents.SignalNames).ToHashSet(),
            EventTypes.Names.Except(["kartleggingSvar", "snartSluttSvar"]).ToHashSet());
    }

    private static async Task<IReadOnlyList<Temporalio.Common.WorkflowHistory>> AllGenerationsAsync()
    {
        var histories = new List<Temporalio.Common.WorkflowHistory>();
        foreach (var generation in Corpus.Generations)
        {
            histories.AddRange(await Corpus.LoadGenerationAsync(generation));
        }

        return histories;
    }
}
