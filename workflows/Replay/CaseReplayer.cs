using Sykefravaer.Workflows.DataConversion;
using Temporalio.Common;
using Temporalio.Converters;
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
    /// <summary>A replayer that decodes what the development setup and the recorded corpus hold: plain payloads and
    /// those of the development key.</summary>
    /// <param name="interceptors">For tests that change the workflow's behaviour on purpose.</param>
    public static WorkflowReplayer Create(params IWorkerInterceptor[] interceptors) =>
        Create(CaseDataConverter.With(EncryptionKeyRing.Development), interceptors);

    /// <summary>A replayer that decodes payloads with <paramref name="dataConverter"/>'s keys (a production history
    /// needs the keys it was written with).</summary>
    public static WorkflowReplayer Create(DataConverter dataConverter, params IWorkerInterceptor[] interceptors) =>
        new(new WorkflowReplayerOptions
        {
            Interceptors = interceptors,
            DataConverter = dataConverter,

            // No deadlock detection: it fails a workflow task that takes over 2 s of wall time, which a busy build
            // machine can cause in perfectly deterministic code. Replay is about the commands, which core checks.
            DebugMode = true,
        }.AddWorkflow<OppfolgingstilfelleWorkflow>());

    /// <summary>Replays every history; never throws for a nondeterministic one, which has a
    /// <see cref="WorkflowReplayResult.ReplayFailure"/> instead.</summary>
    public static async Task<IReadOnlyList<WorkflowReplayResult>> ReplayAsync(
        IEnumerable<WorkflowHistory> histories, params IWorkerInterceptor[] interceptors) =>
        (await Create(interceptors).ReplayWorkflowsAsync(histories).ConfigureAwait(false)).ToList();

    /// <summary>As <see cref="ReplayAsync(IEnumerable{WorkflowHistory}, IWorkerInterceptor[])"/>, decoding with
    /// <paramref name="dataConverter"/>.</summary>
    public static async Task<IReadOnlyList<WorkflowReplayResult>> ReplayAsync(DataConverter dataConverter, IEnumerable<WorkflowHistory> histories) =>
        (await Create(dataConverter).ReplayWorkflowsAsync(histories).ConfigureAwait(false)).ToList();
}
