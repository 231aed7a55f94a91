namespace Sykefravaer.Domain.Sporsmal;

/// <summary>Questions sent to the person with a milestone's notice, and how far their answer has come.</summary>
/// <param name="Code">The milestone that sent them.</param>
/// <param name="SentOn">The Norwegian date the notice was decided.</param>
/// <param name="AnsweredOn">The day the answer that counts (the first one in time) came; null while none has.</param>
/// <param name="UnansweredTaskCreated">The "no answer" task was created (once).</param>
public sealed record SporsmalSendt(
    string Code, DateOnly SentOn, SvarVindu Vindu, DateOnly? AnsweredOn = null, bool UnansweredTaskCreated = false)
{
    public DateOnly AcceptedUntil => Vindu.AcceptedUntil(SentOn);

    public bool Accepts(DateOnly day) => AnsweredOn is null && day <= AcceptedUntil;

    /// <summary>The day a missing answer becomes a task, while it may still.</summary>
    public DateOnly? UnansweredTaskDue =>
        AnsweredOn is null && !UnansweredTaskCreated ? Vindu.UnansweredTaskOn(SentOn) : null;
}
