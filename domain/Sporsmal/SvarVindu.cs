namespace Sykefravaer.Domain.Sporsmal;

/// <summary>
/// The questions a milestone's notice asks the person (KARTLEGGING, SNART_SLUTT_SYKEPENGER under 2027-behov), as
/// data on the milestone: how long answers are accepted, and whether no answer becomes a veileder task.
/// </summary>
/// <param name="AcceptDays">An answer is taken up to this many days after the notice (KARTLEGGING: 31, as
/// navikt/meroppfolging-backend's <c>KANDIDAT_VALID_DAYS</c>); a later one is recorded and decides nothing.</param>
/// <param name="UnansweredTaskAfterDays">No answer this many days after the notice creates a veileder task
/// (SNART_SLUTT: 10, navikt/ismeroppfolging); null: no answer creates nothing (KARTLEGGING: the person is not obliged
/// to answer, so it is never a reason for a forhåndsvarsel either).</param>
public sealed record SvarVindu(int AcceptDays, int? UnansweredTaskAfterDays = null)
{
    public DateOnly AcceptedUntil(DateOnly sent) => sent.AddDays(AcceptDays);

    public DateOnly? UnansweredTaskOn(DateOnly sent) => UnansweredTaskAfterDays is { } days ? sent.AddDays(days) : null;
}
