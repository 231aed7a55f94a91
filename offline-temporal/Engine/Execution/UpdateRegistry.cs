using Temporalio.Api.Failure.V1;
using Temporalio.Api.Update.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// A run's workflow updates: every one admitted and not rejected, those not yet delivered to a worker, and the
/// accepted event of each accepted one (its completed event refers to it).
/// </summary>
/// <remarks>Not thread-safe: used under the run's lock.</remarks>
internal sealed class UpdateRegistry
{
    private readonly Dictionary<string, UpdateState> updates = [];
    private readonly List<UpdateState> undelivered = [];
    private readonly Dictionary<string, long> acceptedEventIds = [];

    public bool HasUndelivered => undelivered.Count > 0;

    public UpdateState? Find(string updateId) => updates.GetValueOrDefault(updateId);

    public UpdateState Admit(Request request)
    {
        var update = new UpdateState(request);
        updates[update.Id] = update;
        undelivered.Add(update);
        return update;
    }

    /// <summary>Takes the updates to deliver with the workflow task a worker is starting.</summary>
    public List<UpdateState> TakeUndelivered()
    {
        var taken = undelivered.ToList();
        undelivered.Clear();
        return taken;
    }

    /// <summary>
    /// Offers again, ahead of later ones, the updates delivered with a task that the worker neither accepted nor
    /// rejected.
    /// </summary>
    public void OfferAgain(IEnumerable<UpdateState> delivered) =>
        undelivered.InsertRange(0, delivered.Where(update => update.Stage == UpdateStage.Admitted));

    public void Accepted(UpdateState update, long acceptedEventId)
    {
        acceptedEventIds[update.Id] = acceptedEventId;
        update.Accept();
    }

    /// <summary>Rejected updates leave no trace in history, and their id may be used again.</summary>
    public void Rejected(UpdateState update, Failure failure)
    {
        updates.Remove(update.Id);
        update.Complete(new Outcome { Failure = failure });
    }

    /// <summary>The accepted event of an update, or 0 if none is known.</summary>
    public long AcceptedEventIdOf(string updateId) => acceptedEventIds.GetValueOrDefault(updateId);

    public void RestoreAccepted(string updateId, long acceptedEventId) => acceptedEventIds[updateId] = acceptedEventId;

    /// <summary>Updates that can no longer complete because the run closed fail their waiting clients.</summary>
    public void AbortPending(string reason)
    {
        foreach (var update in updates.Values.Where(update => update.Stage != UpdateStage.Completed))
        {
            update.Abort(reason);
        }
        undelivered.Clear();
    }
}
