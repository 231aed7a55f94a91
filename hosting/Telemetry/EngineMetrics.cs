using System.Diagnostics.Metrics;

namespace Sykefravaer.Hosting.Telemetry;

/// <summary>
/// The engine's own counters (<c>sykefravaer_*</c> on <c>/metrics</c>): what came in, what the sweeps did, what the
/// notice publisher delivered. The
/// milestones fired are counted by the workflow itself (<c>CaseMetrics</c>, through Temporal's replay-safe meter) and
/// what is stored by <see cref="OperationalGauges"/>.
/// </summary>
/// <remarks>No tag ever holds a person's identifier or a case id: only event types, reasons, rule codes and states,
/// each from a closed set, so the number of series stays small and nothing in them points at a person.</remarks>
public sealed class EngineMetrics : IDisposable
{
    public const string MeterName = "Sykefravaer";

    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> accepted;
    private readonly Counter<long> refused;
    private readonly Counter<long> retentionDeleted;
    private readonly Counter<long> reconciliationMarked;
    private readonly Counter<long> noticesDelivered;
    private readonly Counter<long> noticeDeliveryFailures;

    public EngineMetrics()
    {
        accepted = meter.CreateCounter<long>(
            "sykefravaer.events.accepted", "{event}", "Events the API accepted (202), duplicates included, by type.");
        refused = meter.CreateCounter<long>(
            "sykefravaer.events.refused", "{event}", "Events the API refused, by type and reason.");
        retentionDeleted = meter.CreateCounter<long>(
            "sykefravaer.retention.deleted", "{row}", "Rows the retention sweep deleted, by what they were.");
        reconciliationMarked = meter.CreateCounter<long>(
            "sykefravaer.reconciliation.marked", "{case}", "Open cases the reconciliation sweep found without a running workflow and marked for the operators.");
        noticesDelivered = meter.CreateCounter<long>(
            "sykefravaer.notices.delivered", "{notice}", "Notices the publisher's channel accepted, by code (a redelivery counts again).");
        noticeDeliveryFailures = meter.CreateCounter<long>(
            "sykefravaer.notice_delivery.failures", "{attempt}", "Delivery attempts that failed (refused, timed out, unreachable), by notice code.");
    }

    /// <summary>This instance's meter: <see cref="OperationalGauges"/> adds its gauges to it, and a listener that
    /// wants this process's figures and no other host's (tests run several) filters on it.</summary>
    public Meter Meter => meter;

    public void EventAccepted(string type) => accepted.Add(1, new KeyValuePair<string, object?>("type", type));

    public void EventRefused(string type, EventRefusal reason) =>
        refused.Add(1, new("type", type), new("reason", EventRefusals.Label(reason)));

    public void RetentionDeleted(string what, long rows)
    {
        if (rows > 0)
        {
            retentionDeleted.Add(rows, new KeyValuePair<string, object?>("what", what));
        }
    }

    public void ReconciliationMarked(long cases)
    {
        if (cases > 0)
        {
            reconciliationMarked.Add(cases);
        }
    }

    public void NoticeDelivered(string code) => noticesDelivered.Add(1, new KeyValuePair<string, object?>("code", code));

    public void NoticeDeliveryFailed(string code) => noticeDeliveryFailures.Add(1, new KeyValuePair<string, object?>("code", code));

    public void Dispose() => meter.Dispose();
}
