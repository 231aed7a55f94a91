using Npgsql;
using Sykefravaer.Api.Events;
using Sykefravaer.Domain.Privacy;
using Sykefravaer.Workflows;

namespace Sykefravaer.Api.Ingestion;

/// <summary>
/// Hands a valid event to the person's case. Order matters for "nothing half-written": first a read (was this
/// event accepted before?), then the signal (after which the event is durable), and only then the record of
/// acceptance. A failure before the signal leaves nothing behind; a failure after it leaves a durable event whose
/// redelivery the workflow ignores as a duplicate.
/// </summary>
public sealed partial class EventIngestion(
    PersonPseudonym pseudonym,
    AcceptedEvents accepted,
    CaseWorkflowSignaller signaller,
    ILogger<EventIngestion> logger)
{
    public async Task<IngestionOutcome> SubmitAsync(EventSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var e = submission.Event;
        var type = CaseSignals.For(e);
        var personRef = pseudonym.Of(submission.Fnr);

        string? earlier;
        try
        {
            earlier = await accepted.FindPersonAsync(type, e.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException error)
        {
            // Without the record a duplicate of an event whose case has closed would start a second case.
            LogDatabaseUnavailable(logger, type, error);
            return IngestionOutcome.DatabaseUnavailable;
        }

        if (earlier is not null)
        {
            return earlier == personRef ? IngestionOutcome.Accepted : IngestionOutcome.IdUsedForAnotherPerson;
        }

        try
        {
            await signaller.SignalWithStartAsync(personRef, submission.Fnr.BirthDate, e, cancellationToken).ConfigureAwait(false);
        }
        catch (TemporalUnavailableException error)
        {
            LogTemporalUnavailable(logger, type, error.InnerException ?? error);
            return IngestionOutcome.TemporalUnavailable;
        }

        try
        {
            await accepted.RecordAsync(type, e.Id, personRef, CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException error)
        {
            // The event is durable, so the answer is still 2xx; a redelivery is signalled again and the workflow
            // drops it as a duplicate while the case runs.
            LogNotRecorded(logger, type, error);
        }

        return IngestionOutcome.Accepted;
    }

    // Log lines name the event type only: the id is the sender's and the person is never logged.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Temporal unavailable: a {EventType} event was refused with 503")]
    private static partial void LogTemporalUnavailable(ILogger logger, string eventType, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL unavailable: a {EventType} event was refused with 503")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string eventType, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {EventType} event is durable in Temporal but its acceptance was not recorded")]
    private static partial void LogNotRecorded(ILogger logger, string eventType, Exception error);
}
