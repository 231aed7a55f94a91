namespace Sykefravaer.Activities.Commands;

/// <summary>Close the stored read model of a case whose every sykmelding was withdrawn: the run ends with nothing to
/// show, and without this the projection it wrote earlier would show the case open for good.</summary>
/// <param name="Version">The projection version of this write, above every earlier one of the case.</param>
/// <param name="On">The Norwegian date the last sykmelding was withdrawn: the case's closing date.</param>
public sealed record WithdrawnCaseCommand(Guid CaseId, string PersonRef, long Version, DateOnly On)
{
    /// <summary>The outcome the read model shows for such a case.</summary>
    public const string Outcome = "AVBRUTT";
}
