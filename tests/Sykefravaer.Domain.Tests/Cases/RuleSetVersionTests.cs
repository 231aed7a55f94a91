using System.Text.Json;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Milestones;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Domain.Tests.Cases.CaseScenario;

namespace Sykefravaer.Domain.Tests.Cases;

/// <summary>A running case keeps the rule-set version it started under.</summary>
public class RuleSetVersionTests
{
    [Fact]
    public void A_new_case_starts_under_the_default_rule_set_and_fires_AKTIVITETSKRAV_VURDERING_at_S_plus_55()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(100)));
        scenario.RunUntil(Day(100));

        Assert.Equal(RuleSets.Default.Version, scenario.State.RuleSetVersion);
        Assert.Equal(SPlus(55), scenario.State.FiredMilestones[AktivitetskravVurdering]);
    }

    [Fact]
    public void AKTIVITETSKRAV_VURDERING_in_a_case_started_under_the_pre_2024_version_keeps_S_plus_56_across_continue_as_new()
    {
        var scenario = new CaseScenario(CaseState.Open(RuleSets.V2023));
        scenario.Receive(Sm("sm-1", Day(1), Day(100)));
        scenario.RunUntil(SPlus(30));

        // Continue-as-new: the workflow carries the state as JSON into a run of newer code.
        var carried = new CaseScenario(JsonSerializer.Deserialize<CaseState>(Json(scenario.State)));
        carried.RunUntil(SPlus(55));
        Assert.DoesNotContain(AktivitetskravVurdering, carried.FiredCodes);
        carried.RunUntil(SPlus(56));

        Assert.Equal(RuleSets.V2023, carried.State.RuleSetVersion);
        Assert.Equal(SPlus(56), carried.State.FiredMilestones[AktivitetskravVurdering]);
    }

    [Fact]
    public void A_case_cannot_be_opened_under_an_unknown_version()
    {
        Assert.Throws<KeyNotFoundException>(() => CaseState.Open("2099"));
    }
}
