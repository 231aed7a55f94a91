namespace Sykefravaer.OfflineTemporal.Engine.Matching;

/// <summary>
/// One task queue of one kind (workflow or activity): a backlog of dispatch tickets and the long polls waiting for
/// them. A ticket goes to the longest-waiting poller, or waits in the backlog for the next poll.
/// </summary>
/// <remarks>
/// Tickets are small pointers to work, not the work itself: whoever takes one must still claim it from its workflow
/// run, which may answer that it went stale meanwhile (completed, timed out, moved to another queue). That keeps the
/// queue free of any knowledge of workflow state, as Temporal's matching service is.
/// </remarks>
internal sealed class TaskQueue<TTicket>
    where TTicket : class
{
    private readonly Lock gate = new();
    private readonly Queue<TTicket> backlog = new();
    private readonly LinkedList<TaskCompletionSource<TTicket?>> pollers = new();

    public int BacklogCount
    {
        get
        {
            lock (gate)
            {
                return backlog.Count;
            }
        }
    }

    public void Add(TTicket ticket)
    {
        lock (gate)
        {
            while (pollers.First is { } first)
            {
                pollers.RemoveFirst();
                if (first.Value.TrySetResult(ticket))
                {
                    return;
                }
            }
            backlog.Enqueue(ticket);
        }
    }

    /// <summary>Takes the next ticket, waiting up to <paramref name="timeout"/>; null when none came.</summary>
    public async Task<TTicket?> TakeAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        TaskCompletionSource<TTicket?> waiter;
        LinkedListNode<TaskCompletionSource<TTicket?>> node;
        lock (gate)
        {
            if (backlog.TryDequeue(out var ready))
            {
                return ready;
            }
            waiter = new TaskCompletionSource<TTicket?>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = pollers.AddLast(waiter);
        }
        using var expiry = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        expiry.CancelAfter(timeout);
        await using (expiry.Token.Register(() => waiter.TrySetResult(null)).ConfigureAwait(false))
        {
            var ticket = await waiter.Task.ConfigureAwait(false);
            if (ticket is null)
            {
                lock (gate)
                {
                    if (node.List is not null)
                    {
                        pollers.Remove(node);
                    }
                }
            }
            return ticket;
        }
    }

    /// <summary>Empties the backlog, for moving tickets elsewhere (a sticky queue whose worker shut down).</summary>
    public List<TTicket> Drain()
    {
        lock (gate)
        {
            var drained = backlog.ToList();
            backlog.Clear();
            return drained;
        }
    }
}
