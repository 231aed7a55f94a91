using System.Text.Json.Serialization;

namespace Sykefravaer.Workflows;

/// <summary>What an operator tells a parked case to do with the activity that failed for good.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResumeAction>))]
public enum ResumeAction
{
    /// <summary>Run the activity again, once what made it fail has been mended (a row fixed, a conflict cleared).</summary>
    Retry,

    /// <summary>Go on without it: the effect is not written, and the skip is recorded with its reason.</summary>
    Skip,
}

/// <summary>
/// The operator's answer to a parked case (signal <see cref="Signal"/>): recorded in the audit trail under
/// <see cref="Id"/>, with who answered and why.
/// </summary>
/// <param name="Id">Unique per answer (the API makes one); the key of its audit record.</param>
/// <param name="By">Who answered: the operator's ident.</param>
/// <param name="Reason">Why, in the operator's words, for the audit trail.</param>
public sealed record CaseResume(string Id, ResumeAction Action, string By, string Reason)
{
    /// <summary>The signal's name.</summary>
    public const string Signal = "resume";
}

/// <summary>The activity a case is parked on, as its <c>parked</c> query answers.</summary>
/// <param name="Activity">The activity type that failed.</param>
/// <param name="Error">Its failure's type and message.</param>
public sealed record ParkedActivity(string Activity, string Error);
