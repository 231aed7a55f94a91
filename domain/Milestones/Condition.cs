using System.Collections.Immutable;

namespace Sykefravaer.Domain.Milestones;

/// <summary>
/// A named fact about a case that a milestone's applicability or satisfaction depends on. Conditions are data in a
/// <see cref="RuleSet"/>; their meaning is the small pure method below each, evaluated against the current facts and
/// the milestone's due date.
/// </summary>
public abstract record Condition
{
    public abstract bool Holds(MilestoneFacts facts, DateOnly due);
}

/// <summary>T5: the last sykmelding names an employer.</summary>
public sealed record HasEmployer : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) => facts.Tilfelle.HasEmployer;
}

/// <summary>T5: no employer, so NAV owns the follow-up.</summary>
public sealed record NoEmployer : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) => !facts.Tilfelle.HasEmployer;
}

/// <summary>
/// The sick leave still runs on the due date: the tilfelle's (planned) end is on or after it. A short gap that
/// happens to cover the due date does not matter, since T1 keeps it one tilfelle. Also serves "tilfelle end ≥ S+119"
/// (DIALOGMOTE2_KANDIDAT), which is the same test at that milestone's due date.
/// </summary>
public sealed record StillSickOnDue : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) => facts.Tilfelle.End >= due;
}

/// <summary>Sick on the due date itself, at any grade (DIALOGMOTE1_FRIST): a day inside the tilfelle that no
/// sykmelding covers is not.</summary>
public sealed record SickOnDue : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) => facts.Tilfelle.GradOn(due) is not null;
}

/// <summary>100 % sick on the due date itself (DIALOGMOTE1_FRIST).</summary>
public sealed record FullySickOnDue : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) =>
        facts.Tilfelle.GradOn(due) is { IsGradert: false };
}

/// <summary>T3: the tilfelle reaches at least this many sick days (planned days included).</summary>
public sealed record MinSickDays(int Days) : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) => facts.Tilfelle.AntallSykedager >= Days;
}

/// <summary>T4: the grade on the tilfelle's last day is below 100.</summary>
public sealed record GradertAtEnd : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) => facts.Tilfelle.GradertAtEnd;
}

/// <summary>M3's age limit for the SNART_SLUTT_SYKEPENGER notice: younger than 67 on the due date. An unknown
/// birth date counts as under 67 (most people are, and a notice too many is harmless).</summary>
public sealed record Under67OnDue : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) =>
        (facts.BirthDate is not { } born || due < born.AddYears(67));
}

/// <summary>Aml § 4-6 (3): the oppfølgingsplan has been shared with the sykmelder.</summary>
public sealed record OppfolgingsplanSharedWithSykmelder : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) => facts.OppfolgingsplanSharedWithSykmelder;
}

/// <summary>Dialogmøte 1 held, or recorded as unnecessary with a reason.</summary>
public sealed record Dialogmote1HeldOrExempted : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) => facts.Dialogmoter.Any(m => m.Motetype == 1);
}

/// <summary>Dialogmøte 2 held, or recorded as "åpenbart unødvendig" with a reason.</summary>
public sealed record Dialogmote2HeldOrExempted : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) => facts.Dialogmoter.Any(m => m.Motetype == 2);
}

/// <summary>Any dialogmøte actually held on or after the tilfelle start (an exemption is not a meeting).</summary>
public sealed record DialogmoteHeldSinceStart : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) =>
        facts.Dialogmoter.Any(m => m.Avholdt && m.Dato >= facts.Tilfelle.Start);
}

/// <summary>A party (arbeidstaker, arbeidsgiver or sykmelder) has said a meeting is needed.</summary>
public sealed record MotebehovRequested : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) => facts.MotebehovRequested;
}

/// <summary>A veileder has already assessed the aktivitetskrav, so a reminder to assess it has no purpose.</summary>
public sealed record AktivitetskravAssessed : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) => facts.AktivitetskravAssessed;
}

/// <summary>At least one of <paramref name="Alternatives"/> holds.</summary>
public sealed record AnyOf(ImmutableArray<Condition> Alternatives) : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) => Alternatives.Any(c => c.Holds(facts, due));

    public override string ToString() => $"AnyOf({string.Join(", ", Alternatives)})";
}

/// <summary>GJENTAKENDE_SYKEFRAVAER on the due date, over the earlier tilfeller and this one.</summary>
public sealed record GjentakendeSykefravaerOnDue : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) =>
        Recurrence.GjentakendeSykefravaer.Holds([.. facts.EarlierTilfeller, facts.Tilfelle], due);
}

/// <summary>No oppfølgingsplan shared with anyone by S + <paramref name="Days"/> (a plan shared that day counts).
/// A plan shared later does not take the signal back: the employer was late.</summary>
public sealed record NoOppfolgingsplanSharedBy(int Days) : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) =>
        facts.OppfolgingsplanFirstSharedOn is not { } shared || shared > facts.Tilfelle.Start.AddDays(Days);
}

/// <summary>KARTLEGGING: not a short tilfelle about to end, that is not <paramref name="MaxSickDays"/> sick days or
/// fewer and ending within <paramref name="EndsWithinDays"/> days of the due date (navikt/ismeroppfolging: 8 weeks,
/// 4 days): the questions would come as the sick leave ends.</summary>
public sealed record NotShortAndEndingSoon(int MaxSickDays, int EndsWithinDays) : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) =>
        facts.Tilfelle.AntallSykedager > MaxSickDays || facts.Tilfelle.End > due.AddDays(EndsWithinDays);
}

/// <summary>A KARTLEGGING answer indicating risk of long absence was taken up (a risk signal under 2027-behov).</summary>
public sealed record KartleggingIndicatedRisk : Condition
{
    public override bool Holds(MilestoneFacts facts, DateOnly due) => facts.KartleggingIndicatedRisk;
}
