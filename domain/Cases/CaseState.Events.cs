using System.Collections.Immutable;
using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Domain.Cases;

/// <summary>Applying the events of RULES.md's Events table.</summary>
public sealed partial record CaseState
{
    /// <summary>
    /// Applies <paramref name="e"/> received at <paramref name="now"/>: advances to <paramref name="now"/> with the
    /// facts as they were (so an event never reaches back past a closing or a due moment the workflow was merely
    /// late for), applies the event, and advances again (T6: the new facts may make a milestone due at once).
    /// </summary>
    /// <remarks>A sykmelding that continues the tilfelle of a case already closed by T7 reopens it first
    /// (<see cref="ReopenedBy"/>).</remarks>
    /// <exception cref="InvalidInputException">The event cannot be true; names the field. The state is unchanged
    /// (it is immutable: keep using the old one).</exception>
    public CaseDecision Apply(CaseEvent e, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        e.Validate();

        var before = Advance(now);
        var today = NorwegianTime.DateOf(now);
        var current = before.State.ReopenedBy(e, today) ?? before.State;
        var (state, effects) = current.IsClosed ? (current.AfterClose(e), []) : current.Handle(e, today);
        var after = state.Advance(now);
        return new(after.State, [.. before.Effects, .. effects, .. after.Effects]);
    }

    /// <summary>Whether an event of this type and id was already applied to the case (a redelivery, which changes
    /// nothing). Sykmelding events are idempotent by their sykmelding id in the ledger instead.</summary>
    public bool HasSeen(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return SeenEvents.Contains(e.DuplicateKey);
    }

    /// <summary>
    /// T1, T6 and T7 with late facts: a case closed because 16 non-sick days seemed to have passed is open again when a
    /// sykmelding (or a correction) arrives that fills the gap, so that with the facts as now known its tilfelle
    /// has not closed by today. The sykmelding then continues this case rather than being lost or starting a new
    /// one, and the milestones that fell due meanwhile fire at once (T6). Null when the event does not do that.
    /// </summary>
    /// <remarks>A case closed by death, MAKSDATO or the end of a friskmelding til arbeidsformidling stays closed.</remarks>
    private CaseState? ReopenedBy(CaseEvent e, DateOnly today)
    {
        if (Outcome != CaseOutcome.Friskmeldt || Arbeidsformidling is not null || Tilfelle is not { } closed)
        {
            return null;
        }

        var ledger = e switch
        {
            SykmeldingMottatt m => Sykmeldinger.Receive(m.Sykmelding),
            SykmeldingKorrigert k => Sykmeldinger.Correct(k.Sykmelding),
            _ => Sykmeldinger,
        };
        if (ledger.Equals(Sykmeldinger))
        {
            return null;
        }

        var reopened = this with { Sykmeldinger = ledger, Outcome = CaseOutcome.Open, ClosedOn = null };
        return reopened.Tilfelle is { } continued
            && continued.Start <= closed.End && continued.End >= closed.Start // the same tilfelle, not a later one
            && reopened.ClosesOnFor(continued) > today
                ? this with { Outcome = CaseOutcome.Open, ClosedOn = null }
                : null;
    }

    private (CaseState State, ImmutableArray<Effect> Effects) Handle(CaseEvent e, DateOnly today)
    {
        switch (e)
        {
            case SykmeldingMottatt m:
                return (Opened(today) with { Sykmeldinger = Sykmeldinger.Receive(m.Sykmelding) }, []);
            case SykmeldingKorrigert k:
                return (Opened(today) with { Sykmeldinger = Sykmeldinger.Correct(k.Sykmelding) }, []);
            case SykmeldingAvbrutt a:
                return (this with { Sykmeldinger = Sykmeldinger.Withdraw(a.SykmeldingId) }, []);
            case FriskmeldingMottatt f:
                return (this with { Sykmeldinger = Sykmeldinger.Friskmeld(f.Dato) }, []);
        }

        if (SeenEvents.Contains(e.DuplicateKey))
        {
            return (this, []);
        }

        var seen = this with { SeenEvents = SeenEvents.Add(e.DuplicateKey) };
        return e switch
        {
            OppfolgingsplanDelt p => (seen with { Oppfolgingsplaner = Oppfolgingsplaner.Add(p) }, []),
            MotebehovMeldt m => seen.RecordMotebehov(m, today),
            DialogmoteRegistrert d => (seen with { Dialogmoter = Dialogmoter.Add(d) }).AnswerMotebehov(d, today),
            FriskmeldingTilArbeidsformidling fta => (seen.StartArbeidsformidling(fta.Periode), []),
            Dodsfall d => (seen.RecordDodsfall(d.Dato, today), []),
            AktivitetskravVurdert v => (seen with { Vurderinger = Vurderinger.Add(v) }).Step(seen.Aktivitetskrav.Vurder(v.Vurdering, today)),
            ForhandsvarselSvar => seen.Step(seen.Aktivitetskrav.ForhandsvarselSvar(today)),
            KartleggingSvarMottatt k => seen.RecordKartleggingSvar(k, today),
            SnartSluttSvarMottatt s => seen.RecordSnartSluttSvar(s, today),
            _ => throw new InvalidInputException("type", $"{e.GetType().Name} is not an event this case knows"),
        };
    }

    /// <summary>Takes a step of the aktivitetskrav process (F1–F3) with its effects.</summary>
    private (CaseState State, ImmutableArray<Effect> Effects) Step(AktivitetskravStep step) =>
        (this with { Aktivitetskrav = step.Process, Effects = Effects.AddRange(step.Effects) }, step.Effects);

    private CaseState Opened(DateOnly today) => OpenedOn is null ? this with { OpenedOn = today } : this;

    /// <summary>Møtebehov: a stated need for a meeting creates a veileder task at once, at any time in the case
    /// (ftrl § 8-7 a (2),(3)). Keyed by the event id, so a redelivery never creates a second task.</summary>
    private (CaseState, ImmutableArray<Effect>) RecordMotebehov(MotebehovMeldt m, DateOnly today)
    {
        var recorded = this with { Motebehov = Motebehov.Add(m) };
        if (!m.HarBehov)
        {
            return (recorded, []);
        }

        var task = new Effect(
            Key: $"motebehov:{m.Id}",
            On: today,
            Kind: EffectKind.Task,
            Code: "MOTEBEHOV",
            To: Recipient.Veileder,
            Cause: $"Møtebehov from {m.Fra} (ftrl § 8-7 a (2),(3))");
        ImmutableArray<Effect> effects = RuleSet.RequestFeedback ? [task, MotebehovKvittering(m, today)] : [task];
        return (recorded with { Effects = Effects.AddRange(effects) }, effects);
    }

    /// <summary>Ftrl § 8-5: the person is friskmeldt for their job from <c>fom</c>, but sykepenger continue to
    /// <c>tom</c>; the case then ends (<see cref="ClosesOn"/>).</summary>
    private CaseState StartArbeidsformidling(Periode periode) =>
        this with { Arbeidsformidling = periode, Sykmeldinger = Sykmeldinger.Friskmeld(periode.Fom) };

    private CaseState RecordDodsfall(DateOnly dato, DateOnly today) =>
        dato > today
            ? throw new InvalidInputException("dato", $"the date of death {dato:yyyy-MM-dd} is after today ({today:yyyy-MM-dd})")
            : Close(CaseOutcome.Dod, dato);

    /// <summary>
    /// T1 across the end of a case: whether <paramref name="e"/> belongs to this closed case rather than to a new one,
    /// so that the person's next workflow run continues this case (same id, start, maksdato and milestones decided)
    /// instead of starting another. True for a sykmelding or correction that by T1 is part of this case's tilfelle or
    /// fills the gap that closed it, and for every event once the case closed by death: a death closes the person's
    /// follow-up for good (later events are recorded and change nothing).
    /// </summary>
    public bool Continues(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (Outcome == CaseOutcome.Dod)
        {
            return true;
        }
        var sykmelding = e switch
        {
            SykmeldingMottatt m => m.Sykmelding,
            SykmeldingKorrigert k => k.Sykmelding,
            _ => null,
        };
        return IsClosed && sykmelding is not null && Tilfelle is { } tilfelle && !BelongsToLaterTilfelle(tilfelle, sykmelding);
    }

    /// <summary>
    /// A closed case that <see cref="ReopenedBy"/> does not reopen changes no more (T7): a new sykmelding for a later
    /// tilfelle is kept for <see cref="CarryOver"/> (and its corrections and withdrawal with it); one that belongs to
    /// this closed tilfelle (which stays closed by today even with it), or an earlier one, is dropped. Every other
    /// event is ignored: the workflow routes events that arrive after the close to the next case.
    /// </summary>
    /// <remarks>
    /// MAKSDATO: the sykepenger have run out but the sick leave goes on, and by T1 it is still the same tilfelle. A
    /// sykmelding that continues it is taken into this case's ledger, so the tilfelle's end moves; the case stays
    /// closed (no milestone is due again: the rights start again only after a new tilfelle, M2/M3).
    /// </remarks>
    private CaseState AfterClose(CaseEvent e)
    {
        var tilfelle = Tilfelle;
        bool IsLater(Sykmelding s) => tilfelle is null || BelongsToLaterTilfelle(tilfelle, s);
        bool IsKnown(string id) => ReceivedAfterClose.ContainsKey(id) || Sykmeldinger.Sykmeldinger.ContainsKey(id);
        var continuesAfterMaksdato = Outcome == CaseOutcome.Maksdato && tilfelle is not null;
        return e switch
        {
            SykmeldingMottatt m when continuesAfterMaksdato && !IsLater(m.Sykmelding) =>
                this with { Sykmeldinger = Sykmeldinger.Receive(m.Sykmelding) },
            SykmeldingKorrigert k when continuesAfterMaksdato && Sykmeldinger.Sykmeldinger.ContainsKey(k.Sykmelding.Id) =>
                this with { Sykmeldinger = Sykmeldinger.Correct(k.Sykmelding) },
            SykmeldingMottatt m when IsLater(m.Sykmelding) && !IsKnown(m.Sykmelding.Id) =>
                this with { ReceivedAfterClose = ReceivedAfterClose.Add(m.Sykmelding.Id, m.Sykmelding) },
            SykmeldingKorrigert k when ReceivedAfterClose.ContainsKey(k.Sykmelding.Id) => IsLater(k.Sykmelding)
                ? this with { ReceivedAfterClose = ReceivedAfterClose.SetItem(k.Sykmelding.Id, k.Sykmelding) }
                : this with { ReceivedAfterClose = ReceivedAfterClose.Remove(k.Sykmelding.Id) },
            SykmeldingAvbrutt a => this with { ReceivedAfterClose = ReceivedAfterClose.Remove(a.SykmeldingId) },
            _ => this,
        };
    }
}
