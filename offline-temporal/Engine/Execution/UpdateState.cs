using Temporalio.Api.Update.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>A workflow update from admission to its outcome, and the clients waiting on it.</summary>
internal sealed class UpdateState(Request request)
{
    private TaskCompletionSource progressed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Request Request { get; } = request;

    public string Id => Request.Meta.UpdateId;

    public string RequestMessageId => Id + "/request";

    public UpdateStage Stage { get; private set; } = UpdateStage.Admitted;

    public Outcome? Outcome { get; private set; }

    /// <summary>Why the update can never complete (its run closed first), if so.</summary>
    public string? AbortReason { get; private set; }

    /// <summary>Completes at the next change of stage. Read under the run's lock; await outside it.</summary>
    public Task NextProgress => progressed.Task;

    public void Accept() => Advance(UpdateStage.Accepted);

    public void Complete(Outcome outcome)
    {
        Outcome = outcome;
        Advance(UpdateStage.Completed);
    }

    public void Abort(string reason)
    {
        AbortReason = reason;
        Advance(UpdateStage.Completed);
    }

    private void Advance(UpdateStage stage)
    {
        Stage = stage;
        var reached = progressed;
        progressed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        reached.TrySetResult();
    }
}

internal enum UpdateStage
{
    Admitted = 1,
    Accepted = 2,
    Completed = 3,
}
