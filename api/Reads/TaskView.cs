namespace Sykefravaer.Api.Reads;

/// <summary>A task (oppgave) on the veileder work list.</summary>
/// <param name="Code">What to do, e.g. AKTIVITETSKRAV_VURDERING, MOTEBEHOV, DIALOGMOTE2_KANDIDAT, VURDER_STANS.</param>
/// <param name="Due">The day to act by: the task's own due date where the rule gives one, else the day it became
/// visible, else the day it was decided. The work list is ordered and filtered by it.</param>
/// <param name="Status">OPEN or DONE.</param>
/// <param name="DoneBy">Who marked it done (the token's <c>NAVident</c> or <c>sub</c>).</param>
/// <param name="Vurdering">The decision it was closed with, where its code takes one (<see cref="TaskVurderinger"/>).</param>
public sealed record TaskView(
    long Id,
    Guid CaseId,
    string PersonRef,
    string Code,
    string Cause,
    string Status,
    DateOnly DecidedOn,
    DateOnly? NotBefore,
    DateOnly Due,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DoneAt,
    string? DoneBy,
    string? Vurdering = null);

/// <summary>One page of the work list; <see cref="HasMore"/> says whether page + 1 has anything.</summary>
public sealed record TaskPage(IReadOnlyList<TaskView> Items, int Page, int PageSize, bool HasMore);
