using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;

namespace Sykefravaer.Activities.Commands;

/// <summary>
/// Remember a closed case whole: its tilfelle for the person's later cases (M2), and its state and projection
/// version, so that the person's next workflow run can continue it when an event belongs to it (T1 across runs,
/// <see cref="CaseState.Continues"/>). A case that is continued and closes again is remembered again, in place.
/// </summary>
public sealed record ClosedCaseCommand(Guid CaseId, string PersonRef, Oppfolgingstilfelle Tilfelle, long ProjectionVersion, CaseState State)
{
    /// <summary>The effect key of this close's audit entry: one per projection version, so each close of a
    /// continued case is audited once, and a retry of one close not again.</summary>
    public string AuditKey => "tilfelle/closed/v" + ProjectionVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Ask for the person's most recently ended closed case that can still be continued.</summary>
public sealed record LastClosedCaseQuery(string PersonRef);

/// <summary>A closed case as its run left it: what the next run needs to continue it under the same id.</summary>
public sealed record ClosedCase(Guid CaseId, long ProjectionVersion, CaseState State);
