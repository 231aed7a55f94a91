using Temporalio.Api.History.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Persistence;

/// <summary>One run as the durable store keeps it: who it is, its history, and what history cannot say.</summary>
internal sealed record StoredRun(
    string Namespace, string WorkflowId, string RunId, string RequestId, IReadOnlyList<HistoryEvent> Events, DurableRunState State);

/// <summary>What one change did to one run and must be written before the change is answered.</summary>
/// <param name="IsNew">The run has no row yet.</param>
/// <param name="NewEvents">Events appended since the last write.</param>
/// <param name="State">The run's new <see cref="DurableRunState"/>, or null when it did not change.</param>
internal sealed record RunChanges(
    string Namespace, string WorkflowId, string RunId, string RequestId, bool IsNew, IReadOnlyList<HistoryEvent> NewEvents, byte[]? State);
