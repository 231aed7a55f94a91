using Temporalio.Common;
using Temporalio.Worker;
using Temporalio.Worker.Interceptors;

namespace Sykefravaer.Workflows.Replay;

/// <summary>
/// Replays recorded case histories against the workflow code of this build, without a server: every command the
/// code issues must match the history, or the run is reported as nondeterministic (a running case would fail the
/// same way on a worker with this code).
/// </summary>
public static class CaseReplayer
{
    /// <param name="interceptors">For tests that change the workflow's behaviour on purpose.</param>
    public static WorkflowReplayer Create(params IWorkerInterceptor[] interceptors) =>
        new(new WorkflowReplayerOptions
        {
            Interceptors = interceptors,

            // No deadlock detection: it fails a workflow task that takes over 2 s of wall time, which a busy build
            // machine can cause in perfectly deterministic code. Replay is about the commands, which core checks.
            DebugMode = true,
        }.AddWorkflow<OppfolgingstilfelleWorkflow>());

    /// <summary>Replays every history; never throws for a nondeterministic one, which has a
    /// <see cref="WorkflowReplayResult.ReplayFailure"/> instead.</summary>
    public static async Task<IReadOnlyList<WorkflowReplayResult>> ReplayAsync(
        IEnumerable<WorkflowHistory> histories, params IWorkerInterceptor[] interceptors) =>
        (await Create(interceptors).ReplayWorkflowsAsync(histories).ConfigureAwait(false)).ToList();
}
