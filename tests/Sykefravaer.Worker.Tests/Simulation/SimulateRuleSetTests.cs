using Sykefravaer.Worker.Tests.Infrastructure;
using static Sykefravaer.Worker.Tests.Infrastructure.SimulatedCases;

namespace Sykefravaer.Worker.Tests.Simulation;

/// <summary><c>simulate</c>'s <c>ruleSet</c>: the rule set the person's new cases start under.</summary>
public sealed class SimulateRuleSetTests
{
    /// <summary>S = 2024-01-01, sick past week 17 with an employer, the plan shared with the sykmelder on 01-20 and
    /// no møtebehov: no risk signal, so only the rule set decides DIALOGMOTE2_KANDIDAT (S+119 = 2024-04-29).</summary>
    private static string NoRiskSignal(string? ruleSet) =>
        $$"""
        { {{(ruleSet is null ? string.Empty : $"\"ruleSet\": \"{ruleSet}\",")}}
          "events": [
            { "at": "2024-01-01T08:00:00+01:00", "type": "sykmelding", "id": "sm-1",
              "fom": "2024-01-01", "tom": "2024-07-18", "grad": 100, "orgnr": "974652269" },
            { "at": "2024-01-20T10:00:00+01:00", "type": "oppfolgingsplanDelt", "id": "op-1", "mottaker": "SYKMELDER" } ],
          "until": "2024-05-15" }
        """;

    [Fact]
    public async Task Under_2027_behov_a_person_without_risk_signal_is_no_DIALOGMOTE2_KANDIDAT_and_under_2026_and_by_default_is_one()
    {
        var behov = await SimulateAsync("2027-behov");
        var current = await SimulateAsync("2026");
        var byDefault = await SimulateAsync(null);

        Assert.Contains("DIALOGMOTE2_KANDIDAT 2024-04-29 NOT_APPLICABLE -", Milestones(behov));
        Assert.DoesNotContain(Effects(behov), e => e.Contains("DIALOGMOTE2_KANDIDAT", StringComparison.Ordinal));
        Assert.Contains("DIALOGMOTE2_KANDIDAT 2024-04-29 FIRED 2024-04-29", Milestones(current));
        Assert.Contains("2024-04-29 TASK DIALOGMOTE2_KANDIDAT VEILEDER", Effects(current));
        Assert.Equal(Milestones(current), Milestones(byDefault));
        Assert.Equal(Effects(current), Effects(byDefault));
    }

    [Fact]
    public async Task An_unknown_rule_set_is_refused_naming_the_field_and_the_known_versions()
    {
        var result = await WorkerCli.RunAsync(["simulate", "-"], stdin: NoRiskSignal("2028"));

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(
            "stdin: input: ruleSet: \"2028\" is not a rule set; known: 2023, 2024, 2026, 2027-behov",
            result.Stderr.Trim());
    }

    private static async Task<System.Text.Json.JsonElement> SimulateAsync(string? ruleSet) =>
        Parse(await WorkerCli.RunAsync(["simulate", "-"], stdin: NoRiskSignal(ruleSet))).Single();
}
