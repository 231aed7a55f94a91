using System.Diagnostics.Metrics;
using Sykefravaer.Persistence.Reads;

namespace Sykefravaer.Hosting.Telemetry;

/// <summary>
/// Gauges over what is stored (<c>sykefravaer_notices</c>, <c>…_oldest_pending_notice_seconds</c>,
/// <c>…_tasks_open</c>, <c>…_cases</c>, <c>…_cases_needing_attention</c>), from the last
/// <see cref="OperationalSnapshot"/> that <see cref="OperationalSnapshotService"/> read. A scrape never waits for
/// the database; the figures are as old as the refresh interval at most.
/// </summary>
/// <remarks>The states an alert is written against (FAILED notices, each attention reason) are always reported, as 0
/// when there are none, so that an alert sees "none" rather than "no data".</remarks>
public sealed class OperationalGauges
{
    private static readonly string[] NoticeStatuses = ["PENDING", "SENT", "FAILED"];
    private static readonly string[] AttentionReasons =
    [
        "WORKFLOW_NOT_FOUND", "WORKFLOW_TERMINATED", "WORKFLOW_FAILED", "WORKFLOW_TIMED_OUT", "WORKFLOW_CANCELED",
        "WORKFLOW_COMPLETED", "ACTIVITY_FAILED",
    ];

    private OperationalSnapshot? last;

    public OperationalGauges(EngineMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var meter = metrics.Meter;
        meter.CreateObservableGauge(
            "sykefravaer.notices", () => Measure(s => WithZeros(s.Notices, NoticeStatuses), "status"), "{notice}", "Notices in the outbox, by status.");
        meter.CreateObservableGauge(
            "sykefravaer.oldest_pending_notice", OldestPending, "s", "How long the oldest notice still pending has waited (0 when none waits).");
        meter.CreateObservableGauge(
            "sykefravaer.tasks.open", () => Measure(s => s.OpenTasks, "code"), "{task}", "Open veileder tasks, by code.");
        meter.CreateObservableGauge(
            "sykefravaer.cases", () => Measure(s => s.Cases, "outcome"), "{case}", "Cases with a read model, by outcome (OPEN while running).");
        meter.CreateObservableGauge(
            "sykefravaer.cases.needing_attention", () => Measure(s => WithZeros(s.NeedingAttention, AttentionReasons), "reason"), "{case}",
            "Cases marked for the operators (reconciliation found no running workflow, or a write failed for good), by reason.");
    }

    /// <summary>When the figures were last read; null before the first read.</summary>
    public DateTimeOffset? ReadAt => last?.ReadAt;

    public void Update(OperationalSnapshot snapshot) => last = snapshot;

    private static IReadOnlyDictionary<string, long> WithZeros(IReadOnlyDictionary<string, long> counts, string[] always) =>
        always.Concat(counts.Keys).Distinct(StringComparer.Ordinal).ToDictionary(k => k, k => counts.GetValueOrDefault(k), StringComparer.Ordinal);

    private IEnumerable<Measurement<long>> Measure(Func<OperationalSnapshot, IReadOnlyDictionary<string, long>> counts, string tag) =>
        last is { } snapshot
            ? counts(snapshot).Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>(tag, c.Key)))
            : [];

    private IEnumerable<Measurement<double>> OldestPending() =>
        last is { } snapshot ? [new Measurement<double>(snapshot.OldestPendingNotice.TotalSeconds)] : [];
}
