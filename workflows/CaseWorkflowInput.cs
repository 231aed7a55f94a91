using Sykefravaer.Domain.Cases;

namespace Sykefravaer.Workflows;

/// <summary>
/// What a run of <see cref="OppfolgingstilfelleWorkflow"/> starts from: a new case (only <see cref="PersonRef"/>,
/// maybe a birth date), the same case continued as new (everything), or the person's next case.
/// </summary>
/// <param name="PersonRef">The keyed pseudonym of the person (never the fødselsnummer).</param>
/// <param name="BirthDate">For the age rules of M3 and SNART_SLUTT_SYKEPENGER; null when unknown.</param>
/// <param name="CaseId">Null for a new case: the workflow assigns one. Kept across continue-as-new.</param>
/// <param name="State">The case so far, when continued as new; null for a new case.</param>
/// <param name="Pending">Events received but not yet applied when the run continued as new: none is lost.</param>
/// <param name="ProjectionVersion">The last version written to the case projection, so versions keep rising.</param>
/// <param name="RuleSetVersion">The rule set a new case starts under; null for the current default.</param>
/// <param name="LastProjectionFingerprint">What the last projection write showed
/// (<see cref="ProjectionFingerprint"/>), so a case continued as new does not write an unchanged projection again.
/// </param>
/// <param name="HistoryEventLimit">Continue as new past this many history events even if the server does not
/// suggest it; keeps replays of year-long cases short.</param>
public sealed record CaseWorkflowInput(
    string PersonRef,
    DateOnly? BirthDate = null,
    Guid? CaseId = null,
    CaseState? State = null,
    IReadOnlyList<CaseEvent>? Pending = null,
    long ProjectionVersion = 0,
    string? RuleSetVersion = null,
    int HistoryEventLimit = 10_000,
    string? LastProjectionFingerprint = null);
