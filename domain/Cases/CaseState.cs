using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Milestones;

namespace Sykefravaer.Domain.Cases;

/// <summary>
/// One oppfølgingstilfelle as a case: the facts received so far, the milestones fired and every effect decided.
/// Immutable and deterministic: <see cref="Apply"/> and <see cref="Advance"/> take "now" as an argument and return
/// the next state with the new effects. Round-trips through System.Text.Json with default options, so a workflow
/// can carry it across continue-as-new.
/// </summary>
/// <remarks>
/// Only facts are stored (<see cref="JsonIncludeAttribute"/> members); the tilfelle, the milestone calendar and
/// the maksdato are derived from them on demand, so that a change of facts (T6) changes them everywhere at once.
/// Record equality compares the immutable collections by reference: compare two states by their JSON.
/// </remarks>
public sealed partial record CaseState
{
    [JsonConstructor]
    private CaseState()
    {
    }

    /// <summary>The milestone rule set this case started under and keeps for its whole life.</summary>
    [JsonInclude]
    public string RuleSetVersion { get; private init; } = RuleSets.Default.Version;

    /// <summary>For M3 (age limits) and the Under67 condition; null when unknown.</summary>
    [JsonInclude]
    public DateOnly? BirthDate { get; private init; }

    /// <summary>The person's earlier tilfeller, for M2 (sykepengedager used count unless 26 weeks passed).</summary>
    [JsonInclude]
    public ImmutableArray<Oppfolgingstilfelle> EarlierTilfeller { get; private init; } = [];

    /// <summary>The Norwegian date the first sykmelding reached the case: the case's tilfelle is the first one
    /// still open on that day (a back-dated sykmelding of an older, closed tilfelle is not this case).</summary>
    [JsonInclude]
    public DateOnly? OpenedOn { get; private init; }

    /// <summary>Every sykmelding received while the case was open, with corrections, withdrawals and friskmeldinger.</summary>
    [JsonInclude]
    public SykmeldingLedger Sykmeldinger { get; private init; } = SykmeldingLedger.Empty;

    /// <summary>Sykmeldinger for a later tilfelle that arrived after the case closed (see <see cref="CarryOver"/>).</summary>
    [JsonInclude]
    public ImmutableSortedDictionary<string, Sykmelding> ReceivedAfterClose { get; private init; } =
        ImmutableSortedDictionary.Create<string, Sykmelding>(StringComparer.Ordinal);

    [JsonInclude]
    public ImmutableArray<OppfolgingsplanDelt> Oppfolgingsplaner { get; private init; } = [];

    [JsonInclude]
    public ImmutableArray<MotebehovMeldt> Motebehov { get; private init; } = [];

    [JsonInclude]
    public ImmutableArray<DialogmoteRegistrert> Dialogmoter { get; private init; } = [];

    /// <summary>Every aktivitetskrav assessment received, in order (the process keeps only where it stands).</summary>
    [JsonInclude]
    public ImmutableArray<AktivitetskravVurdert> Vurderinger { get; private init; } = [];

    /// <summary>Ftrl § 8-5, when granted: the case ends after this period.</summary>
    [JsonInclude]
    public Periode? Arbeidsformidling { get; private init; }

    /// <summary>The aktivitetskrav and its forhåndsvarsel (F1–F3).</summary>
    [JsonInclude]
    public AktivitetskravProcess Aktivitetskrav { get; private init; } = AktivitetskravProcess.NotStarted;

    /// <summary>Milestone code → the Norwegian date it fired. Final: a code here never fires again.</summary>
    [JsonInclude]
    public ImmutableSortedDictionary<string, DateOnly> FiredMilestones { get; private init; } =
        ImmutableSortedDictionary.Create<string, DateOnly>(StringComparer.Ordinal);

    /// <summary>Every effect decided so far, in order: the case's timeline and audit trail.</summary>
    [JsonInclude]
    public ImmutableArray<Effect> Effects { get; private init; } = [];

    /// <summary>Type and id of every non-sykmelding event applied (sykmelding events are idempotent in the
    /// ledger by their sykmelding id and content).</summary>
    [JsonInclude]
    public ImmutableSortedSet<string> SeenEvents { get; private init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    [JsonInclude]
    public CaseOutcome Outcome { get; private init; } = CaseOutcome.Open;

    /// <summary>The first day of the closed case: T7's closing day, the day of death, or the day MAKSDATO fired.</summary>
    [JsonInclude]
    public DateOnly? ClosedOn { get; private init; }

    /// <summary>The latest "now" the case was advanced to.</summary>
    [JsonInclude]
    public DateTimeOffset? AdvancedTo { get; private init; }

    [JsonIgnore]
    public bool IsClosed => Outcome != CaseOutcome.Open;

    [JsonIgnore]
    public RuleSet RuleSet => RuleSets.Get(RuleSetVersion);

    /// <summary>A new, empty case under a rule-set version (default: <see cref="RuleSets.Default"/>).</summary>
    /// <param name="earlierTilfeller">The person's earlier tilfeller, for the maksdato (M2).</param>
    public static CaseState Open(
        string? ruleSetVersion = null, DateOnly? birthDate = null, IEnumerable<Oppfolgingstilfelle>? earlierTilfeller = null) =>
        new()
        {
            RuleSetVersion = RuleSets.Get(ruleSetVersion ?? RuleSets.Default.Version).Version,
            BirthDate = birthDate,
            EarlierTilfeller = earlierTilfeller?.ToImmutableArray() ?? [],
        };
}
