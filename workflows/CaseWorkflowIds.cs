namespace Sykefravaer.Workflows;

/// <summary>How a person's case workflow is found: by the keyed pseudonym only, so upstream systems route every
/// event by the person and never need to know about cases, and no fødselsnummer reaches Temporal.</summary>
public static class CaseWorkflowIds
{
    public const string DefaultTaskQueue = "sykefravaer";

    /// <summary>One workflow ID per person; each run of it is one case (oppfølgingstilfelle).</summary>
    public static string ForPerson(string personRef)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personRef);
        return "sykefravaer-" + personRef;
    }
}
