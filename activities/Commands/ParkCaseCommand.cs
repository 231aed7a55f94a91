namespace Sykefravaer.Activities.Commands;

/// <summary>Mark a case as parked: one of its activities failed with an error that no retry can mend, and its
/// workflow waits for an operator to retry or skip it.</summary>
/// <param name="Activity">The activity that failed, as the workflow scheduled it (e.g. <c>SendNotice</c>).</param>
/// <param name="Error">The failure's type and message; messages name the field, never the person.</param>
public sealed record ParkCaseCommand(Guid CaseId, string Activity, string Error)
{
    /// <summary>The reason the case's reads show while it is parked.</summary>
    public const string Reason = "ACTIVITY_FAILED";
}
