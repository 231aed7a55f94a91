using Sykefravaer.Testing;
using Sykefravaer.Workflows.Tests.Infrastructure;
using Temporalio.Client;
using Temporalio.Runtime;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Operations;

/// <summary>
/// <c>sykefravaer_milestones_fired_total{code}</c>: the workflow counts each milestone it fires, by rule code, once,
/// although a restarted worker replays the whole case from its history.
/// </summary>
public sealed class MilestoneMetricsTests(CaseServerFixture fixture) : CaseWorkflowTest(fixture)
{
    private const string Metric = "sykefravaer_milestones_fired";

    [TimeSkippingFact]
    public async Task Each_fired_milestone_is_counted_once_by_its_code_and_a_replay_counts_nothing_again()
    {
        var meter = new RecordingMetricMeter();
        var runtime = new TemporalRuntime(new() { Telemetry = new() { Metrics = new() { CustomMetricMeter = meter } } });
        var client = await TemporalClient.ConnectAsync(new(Client.Connection.Options.TargetHost!)
        {
            Namespace = Client.Options.Namespace,
            Runtime = runtime,
        });
        await using var worker = new CaseWorker(client, $"metrics-{Guid.NewGuid():N}");
        worker.Start(Effects);
        var person = new PersonCases(client, Clock, worker.TaskQueue, $"p-test-{Guid.NewGuid():N}", birthDate: null, historyEventLimit: 10_000);
        try
        {
            await AdvanceToAsync(Days.S);
            await person.SendAsync(Sykmelding("sm-1", Days.S, Days.SPlus(400)));
            await AdvanceToAsync(Days.SPlus(130));
            var countedBeforeRestart = meter.Counted(Metric).Count;

            // A fresh worker replays the case from its history before it goes on.
            await worker.StopAsync();
            worker.Start(Effects);
            var closed = await person.FinalResultAsync();

            Assert.NotNull(closed);
            var fired = closed.Milestones.Where(m => m.Result == "FIRED").Select(m => m.Code).Order(StringComparer.Ordinal).ToList();
            var counted = meter.Counted(Metric);
            Assert.True(countedBeforeRestart > 0, "milestones fired before the restart should have been counted then");
            Assert.All(counted, c => Assert.Equal(1, c.Value));
            Assert.Equal(fired, counted.Select(c => (string)c.Tags["code"]).Order(StringComparer.Ordinal));
            // The rule code is the only tag the engine adds; Temporal adds namespace, task queue and workflow type.
            Assert.All(counted, c => Assert.DoesNotContain(c.Tags.Values, v => v.ToString()!.Contains(person.PersonRef, StringComparison.Ordinal)));
        }
        finally
        {
            await person.TerminateIfRunningAsync();
        }
    }
}
