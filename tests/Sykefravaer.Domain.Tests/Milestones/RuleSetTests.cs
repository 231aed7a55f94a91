using System.Collections.Immutable;
using Sykefravaer.Domain.Milestones;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;

namespace Sykefravaer.Domain.Tests.Milestones;

/// <summary>The rule set is data with a version; a new version changes, adds or drops milestones.</summary>
public class RuleSetTests
{
    private static readonly string[] RulesMdCodes =
    [
        "OPPFOLGINGSPLAN_FRIST", "NAV_OPPFOLGING_UTEN_ARBEIDSGIVER", "AKTIVITETSKRAV_INFO", "DIALOGMOTE1_FRIST",
        "AKTIVITETSKRAV_VURDERING", "MOTEBEHOV_SPORSMAL", "DIALOGMOTE2_KANDIDAT", "DIALOGMOTE2_FRIST",
        "SNART_SLUTT_SYKEPENGER", "MAKSDATO",
    ];

    [Fact]
    public void The_default_rule_set_has_every_milestone_of_RULES_md_in_table_order()
    {
        Assert.Equal(RulesMdCodes, RuleSets.Default.Milestones.Select(m => m.Code));
    }

    [Theory]
    [InlineData(OppfolgingsplanFrist, 28)]
    [InlineData(NavOppfolgingUtenArbeidsgiver, 28)]
    [InlineData(AktivitetskravInfo, 42)]
    [InlineData(Dialogmote1Frist, 49)]
    [InlineData(AktivitetskravVurdering, 55)]
    [InlineData(MotebehovSporsmal, 112)]
    [InlineData(Dialogmote2Kandidat, 119)]
    [InlineData(Dialogmote2Frist, 182)]
    [InlineData(SnartSluttSykepenger, 273)]
    public void Default_offsets_are_those_of_the_RULES_md_table(string code, int days)
    {
        Assert.Equal(new OffsetFromStart(days), RuleSets.Default[code].Due);
    }

    [Fact]
    public void MAKSDATO_falls_due_at_the_maksdato_and_closes_the_case()
    {
        Assert.Equal(new AtMaksdato(), RuleSets.Default[Maksdato].Due);
        Assert.True(RuleSets.Default[Maksdato].ClosesCase);
        Assert.Equal([Maksdato], RuleSets.Default.Milestones.Where(m => m.ClosesCase).Select(m => m.Code));
    }

    [Fact]
    public void AKTIVITETSKRAV_VURDERING_is_S_plus_55_today_and_S_plus_56_in_the_pre_2024_version()
    {
        Assert.Equal(new OffsetFromStart(55), RuleSets.Get(RuleSets.V2024)[AktivitetskravVurdering].Due);
        Assert.Equal(new OffsetFromStart(56), RuleSets.Get(RuleSets.V2023)[AktivitetskravVurdering].Due);
        Assert.Same(RuleSets.Current, RuleSets.Default);
    }

    [Fact]
    public void The_pre_2024_version_differs_from_the_2024_one_only_in_AKTIVITETSKRAV_VURDERING()
    {
        var changed = RuleSets.Pre2024.Milestones.Zip(RuleSets.Release2024.Milestones)
            .Where(pair => pair.First != pair.Second)
            .Select(pair => pair.First.Code);
        Assert.Equal([AktivitetskravVurdering], changed);
    }

    [Fact]
    public void The_2026_version_differs_from_the_2024_one_only_in_DIALOGMOTE1_FRIST()
    {
        var changed = RuleSets.Release2024.Milestones.Zip(RuleSets.Current.Milestones)
            .Where(pair => pair.First != pair.Second)
            .Select(pair => pair.First.Code);
        Assert.Equal([Dialogmote1Frist], changed);
        Assert.Equal(RuleSets.V2026, RuleSets.Default.Version);
    }

    [Fact]
    public void An_unknown_version_is_refused_by_name()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => RuleSets.Get("1999"));
        Assert.Contains("1999", error.Message, StringComparison.Ordinal);
        Assert.False(RuleSets.TryGet("1999", out _));
    }

    [Fact]
    public void A_new_version_can_drop_and_add_milestones_as_data()
    {
        var extra = RuleSets.Current[AktivitetskravInfo] with { Code = "EXTRA_INFO", Due = new OffsetFromStart(70) };
        var next = RuleSets.Current.Without("next", SnartSluttSykepenger).With("next", extra);

        Assert.DoesNotContain(next.Milestones, m => m.Code == SnartSluttSykepenger);
        Assert.Equal(new OffsetFromStart(70), next["EXTRA_INFO"].Due);
        Assert.Equal("next", next.Version);
    }

    [Fact]
    public void A_rule_set_refuses_two_milestones_with_one_code()
    {
        Assert.Throws<ArgumentException>(() => RuleSets.Current.With("broken", RuleSets.Current[AktivitetskravInfo]));
    }

    [Fact]
    public void A_rule_set_refuses_two_effects_to_one_recipient_in_one_milestone_since_they_would_share_a_key()
    {
        var doubled = RuleSets.Current[AktivitetskravInfo] with
        {
            Effects = [.. RuleSets.Current[AktivitetskravInfo].Effects, RuleSets.Current[AktivitetskravInfo].Effects[0]],
        };
        Assert.Throws<ArgumentException>(() => RuleSets.Current.Derive("broken", AktivitetskravInfo, _ => doubled));
    }

    [Fact]
    public void Every_effect_of_the_default_rule_set_has_a_distinct_key()
    {
        var keys = RuleSets.Default.Milestones.SelectMany(m => m.Effects.Select(e => $"{m.Code}:{e.To}")).ToImmutableArray();
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }
}
