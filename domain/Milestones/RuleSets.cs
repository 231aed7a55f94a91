using System.Collections.Immutable;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Sporsmal;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;

namespace Sykefravaer.Domain.Milestones;

/// <summary>
/// The registry of milestone rule sets by version. A running case looks its version up here for its whole life,
/// so a version, once a case may have started under it, is never changed or removed: add a new one.
/// </summary>
public static class RuleSets
{
    /// <summary>The table of RULES.md as it reads today: as <see cref="V2024"/>, but DIALOGMOTE1_FRIST applies only
    /// to a person sick on day 49 (100 %, or gradert with a møtebehov).</summary>
    public const string V2026 = "2026";

    /// <summary>Needs-based follow-up (issue 14): see <see cref="Behov2027"/>.</summary>
    public const string V2027Behov = "2027-behov";

    /// <summary>AKTIVITETSKRAV_VURDERING at S+55; DIALOGMOTE1_FRIST also fired for a person no longer sick on day 49
    /// when a møtebehov had been registered.</summary>
    public const string V2024 = "2024";

    /// <summary>Before navikt/isaktivitetskrav moved the aktivitetskrav assessment to S+55: S+56.</summary>
    public const string V2023 = "2023";

    public static RuleSet Release2024 { get; } = Build2024();

    public static RuleSet Pre2024 { get; } = Release2024.Derive(
        V2023, AktivitetskravVurdering, m => m with { Due = new OffsetFromStart(56) });

    public static RuleSet Current { get; } = Release2024.Derive(
        V2026,
        Dialogmote1Frist,
        m => m with { AppliesWhen = [new HasEmployer(), new SickOnDue(), new AnyOf([new FullySickOnDue(), new MotebehovRequested()])] });

    /// <summary>
    /// What makes a person a DIALOGMOTE2_KANDIDAT under <see cref="V2027Behov"/>, any one of them: a møtebehov
    /// registered, GJENTAKENDE_SYKEFRAVAER, no oppfølgingsplan shared by week 8 (S+56), or a KARTLEGGING answer
    /// indicating risk.
    /// </summary>
    public static ImmutableArray<Condition> RiskSignals2027 { get; } =
        [new MotebehovRequested(), new GjentakendeSykefravaerOnDue(), new NoOppfolgingsplanSharedBy(56), new KartleggingIndicatedRisk()];

    /// <summary>
    /// Needs-based follow-up (issue 14, after the 2024 report «Utvikling av sykefraværsoppfølgingen» and NAV's pilots,
    /// navikt/ismeroppfolging): as <see cref="V2026"/>, plus the week-6 KARTLEGGING screening; SNART_SLUTT_SYKEPENGER
    /// asks whether the person wants follow-up and the veileder's task comes with the answer, or with its absence after
    /// 10 days, rather than with the notice; DIALOGMOTE2_KANDIDAT only with a risk signal; REQUEST_FEEDBACK.
    /// </summary>
    public static RuleSet Behov2027 { get; } = BuildBehov2027();

    public static ImmutableArray<RuleSet> All { get; } = [Pre2024, Release2024, Current, Behov2027];

    /// <summary>The rule set new cases start under.</summary>
    public static RuleSet Default => Current;

    public static bool TryGet(string version, out RuleSet? ruleSet)
    {
        ruleSet = All.FirstOrDefault(r => r.Version == version);
        return ruleSet is not null;
    }

    /// <summary>The rule set of that version; an unknown version is a deployment error (a case from a newer build
    /// reached an older worker), not bad user input.</summary>
    public static RuleSet Get(string version) =>
        TryGet(version, out var ruleSet)
            ? ruleSet!
            : throw new KeyNotFoundException($"Unknown milestone rule set version '{version}'. Known: {string.Join(", ", All.Select(r => r.Version))}.");

    private static RuleSet BuildBehov2027()
    {
        var kartlegging = new MilestoneRule(Kartlegging, new OffsetFromStart(42),
            AppliesWhen: [new HasEmployer(), new StillSickOnDue(), new Under67OnDue(), new NotShortAndEndingSoon(MaxSickDays: 56, EndsWithinDays: 4)],
            SatisfiedWhen: [],
            Effects: [EffectTemplate.Notice(Recipient.Arbeidstaker)],
            Basis: "needs-based week-6 screening (navikt/ismeroppfolging kartleggingssporsmal; 2024 report «Utvikling av sykefraværsoppfølgingen»)",
            Asks: new SvarVindu(AcceptDays: 31));
        var milestones = Current.Milestones.SelectMany(m => m.Code switch
        {
            AktivitetskravInfo => [m, kartlegging],
            Dialogmote2Kandidat => [m with
            {
                AppliesWhen = [.. m.AppliesWhen, new AnyOf(RiskSignals2027)],
                Basis = $"{m.Basis}; needs-based: only with a risk signal (2024 report «Utvikling av sykefraværsoppfølgingen»)",
            }],
            SnartSluttSykepenger => [m with
            {
                Effects = [EffectTemplate.Notice(Recipient.Arbeidstaker)],
                Asks = new SvarVindu(AcceptDays: 106, UnansweredTaskAfterDays: 10),
                Basis = $"{m.Basis}; the task with the answer or 10 days without one (navikt/ismeroppfolging senoppfolging)",
            }],
            _ => (IEnumerable<MilestoneRule>)[m],
        });
        return new RuleSet(V2027Behov, [.. milestones]) { RequestFeedback = true };
    }

    private static RuleSet Build2024()
    {
        Condition hasEmployer = new HasEmployer();
        Condition stillSick = new StillSickOnDue();
        var arbeidstaker = EffectTemplate.Notice(Recipient.Arbeidstaker);
        var arbeidsgiver = EffectTemplate.Notice(Recipient.Arbeidsgiver);

        return new RuleSet(V2024,
        [
            new(OppfolgingsplanFrist, new OffsetFromStart(28),
                AppliesWhen: [hasEmployer],
                SatisfiedWhen: [new OppfolgingsplanSharedWithSykmelder()],
                Effects: [arbeidsgiver, arbeidstaker],
                Basis: "aml § 4-6 (3)"),
            new(NavOppfolgingUtenArbeidsgiver, new OffsetFromStart(28),
                AppliesWhen: [new NoEmployer()],
                SatisfiedWhen: [],
                Effects: [EffectTemplate.VeilederTask()],
                Basis: "NAV's 28-day hand-over (navikt/isoppfolgingstilfelle)"),
            new(AktivitetskravInfo, new OffsetFromStart(42),
                AppliesWhen: [stillSick],
                SatisfiedWhen: [],
                Effects: [arbeidstaker, EffectTemplate.Notice(Recipient.Arbeidsgiver, onlyIf: hasEmployer)],
                Basis: "ftrl § 8-8; NAV practice since 2016"),
            new(Dialogmote1Frist, new OffsetFromStart(49),
                AppliesWhen: [hasEmployer, new AnyOf([new FullySickOnDue(), new MotebehovRequested()])],
                SatisfiedWhen: [new Dialogmote1HeldOrExempted()],
                Effects: [arbeidsgiver],
                Basis: "aml § 4-6 (4)"),
            new(AktivitetskravVurdering, new OffsetFromStart(55),
                AppliesWhen: [new MinSickDays(56)],
                SatisfiedWhen: [new GradertAtEnd(), new AktivitetskravAssessed()],
                Effects: [EffectTemplate.VeilederTask()],
                Basis: "ftrl § 8-8 (2); navikt/isaktivitetskrav",
                StartsAktivitetskrav: true),
            new(MotebehovSporsmal, new OffsetFromStart(112),
                AppliesWhen: [hasEmployer],
                SatisfiedWhen: [],
                Effects: [arbeidstaker, arbeidsgiver],
                Basis: "ftrl § 8-7 a (2); navikt/syfomotebehov"),
            new(Dialogmote2Kandidat, new OffsetFromStart(119),
                AppliesWhen: [hasEmployer, stillSick],
                SatisfiedWhen: [new DialogmoteHeldSinceStart(), new Dialogmote2HeldOrExempted()],
                Effects: [EffectTemplate.VeilederTask(visibleAfterDays: 7)],
                Basis: "ftrl § 8-7 a (2); navikt/isdialogmotekandidat"),
            new(Dialogmote2Frist, new OffsetFromStart(182),
                AppliesWhen: [hasEmployer],
                SatisfiedWhen: [new Dialogmote2HeldOrExempted()],
                Effects: [EffectTemplate.VeilederTask()],
                Basis: "ftrl § 8-7 a (2)"),
            new(SnartSluttSykepenger, new OffsetFromStart(273),
                AppliesWhen: [stillSick, new Under67OnDue()],
                SatisfiedWhen: [],
                Effects: [arbeidstaker, EffectTemplate.VeilederTask()],
                Basis: "ftrl § 8-7 a (4)"),
            new(Maksdato, new AtMaksdato(),
                AppliesWhen: [stillSick],
                SatisfiedWhen: [],
                Effects: [arbeidstaker, EffectTemplate.VeilederTask()],
                Basis: "ftrl § 8-12: sykepenger end, AAP transition",
                ClosesCase: true),
        ]);
    }
}
