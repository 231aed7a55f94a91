namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// Inputs that arrived while a worker held a workflow task. Temporal does not interleave them with the events that
/// task's commands produce: it buffers them and appends them after the task completes, then schedules a new task so
/// the workflow sees them.
/// </summary>
/// <remarks>Not thread-safe: used under the run's lock.</remarks>
internal sealed class InputBuffer
{
    private readonly List<BufferedInput> inputs = [];

    public IReadOnlyList<BufferedInput> Inputs => inputs;

    public void Add(BufferedInput input) => inputs.Add(input);

    /// <summary>Empties the buffer, oldest input first.</summary>
    public List<BufferedInput> TakeAll()
    {
        var taken = inputs.ToList();
        inputs.Clear();
        return taken;
    }

    /// <summary>Drops what can no longer reach a workflow (its run closed).</summary>
    public void Clear() => inputs.Clear();

    /// <summary>Drops a buffered input a later command made moot (a timer cancelled after it fired, unseen).</summary>
    public bool TryWithdraw(InputKind kind, string key) => inputs.RemoveAll(input => input.Kind == kind && input.Key == key) > 0;

    public bool Contains(InputKind kind, string key) => inputs.Exists(input => input.Kind == kind && input.Key == key);

    /// <summary>Whether anything is buffered that cancelling <paramref name="cancelledTimers"/> would not withdraw.</summary>
    public bool HasAnyBesidesFiringsOf(IReadOnlySet<string> cancelledTimers) =>
        inputs.Any(input => input.Kind != InputKind.TimerFired || !cancelledTimers.Contains(input.Key));
}
