using Temporalio.Api.History.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// An input waiting for the workflow task in flight to end. It is kept as events without ids (not a closure) so that
/// the durable store can keep it too: a signal the client was told about must survive a restart.
/// </summary>
internal sealed record BufferedInput(InputKind Kind, string Key, IReadOnlyList<HistoryEvent> Events);

internal enum InputKind
{
    Signal,
    TimerFired,
    ActivityResolved,
    CancelRequested,
}
