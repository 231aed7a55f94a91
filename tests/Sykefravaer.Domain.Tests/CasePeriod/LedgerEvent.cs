using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Input;
using FsCheck;
using FsCheck.Fluent;

namespace Sykefravaer.Domain.Tests.CasePeriod;

/// <summary>An event the ledger accepts, so properties can generate, shuffle and repeat them.</summary>
public abstract record LedgerEvent
{
    public abstract SykmeldingLedger ApplyTo(SykmeldingLedger ledger);

    public sealed record Received(Sykmelding Sykmelding) : LedgerEvent
    {
        public override SykmeldingLedger ApplyTo(SykmeldingLedger ledger) => ledger.Receive(Sykmelding);
    }

    public sealed record Corrected(Sykmelding Correction) : LedgerEvent
    {
        public override SykmeldingLedger ApplyTo(SykmeldingLedger ledger) => ledger.Correct(Correction);
    }

    public sealed record Withdrawn(string Id) : LedgerEvent
    {
        public override SykmeldingLedger ApplyTo(SykmeldingLedger ledger) => ledger.Withdraw(Id);
    }

    public sealed record Friskmeldt(DateOnly Dato) : LedgerEvent
    {
        public override SykmeldingLedger ApplyTo(SykmeldingLedger ledger) => ledger.Friskmeld(Dato);
    }
}

/// <summary>Generators for ledger histories: sykmeldinger within a few months, so gaps both above and below the
/// T1 threshold occur, with overlaps, grades, employers, corrections, withdrawals and friskmeldinger.</summary>
public static class LedgerGenerators
{
    private static readonly DateOnly Origin = new(2024, 1, 1);

    /// <summary>A set of events in which each id is received at most once and corrected at most once: the
    /// events that commute (see SykmeldingLedger remarks for the two that cannot).</summary>
    public static Gen<List<LedgerEvent>> CommutingEvents =>
        from count in Gen.Choose(1, 8)
        from perId in Gen.CollectToList(Enumerable.Range(0, count), EventsForId)
        from friskmeldinger in Gen.ListOf(Gen.Choose(0, 150).Select(d => (LedgerEvent)new LedgerEvent.Friskmeldt(Origin.AddDays(d))), 2)
        select perId.SelectMany(e => e).Concat(friskmeldinger).ToList();

    public static Gen<(List<LedgerEvent> History, LedgerEvent Next)> HistoryAndNext =>
        from history in CommutingEvents
        from next in Gen.OneOf(
            Gen.Elements(history.ToArray()),
            Sykmelding("x").Select(s => (LedgerEvent)new LedgerEvent.Corrected(s)))
        select (history, next);

    private static Gen<List<LedgerEvent>> EventsForId(int index)
    {
        var id = $"sm-{index}";
        return from original in Sykmelding(id)
               from correction in Sykmelding(id)
               from which in Gen.Choose(0, 5)
               select which switch
               {
                   0 => new List<LedgerEvent> { new LedgerEvent.Received(original), new LedgerEvent.Corrected(correction) },
                   1 => new List<LedgerEvent> { new LedgerEvent.Received(original), new LedgerEvent.Withdrawn(id) },
                   2 => new List<LedgerEvent> { new LedgerEvent.Corrected(correction) },
                   _ => new List<LedgerEvent> { new LedgerEvent.Received(original) },
               };
    }

    private static Gen<Sykmelding> Sykmelding(string id) =>
        from start in Gen.Choose(0, 120)
        from length in Gen.Choose(1, 40)
        from grad in Gen.Elements(100, 100, 60, 20)
        from employer in Gen.Elements<Organisasjonsnummer?>(Sm.EmployerA, Sm.EmployerB, null)
        from type in Gen.Frequency(
            (6, Gen.Constant(SykmeldingType.Ordinary)),
            (1, Gen.Constant(SykmeldingType.Behandlingsdager)))
        select new Sykmelding(
            id,
            Periode.Of(Origin.AddDays(start), Origin.AddDays(start + length - 1)),
            Grad.Of(grad),
            employer,
            type);
}
