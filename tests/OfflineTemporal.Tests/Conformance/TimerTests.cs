using Sykefravaer.Testing;
using OfflineTemporal.Tests.Activities;
using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Client;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>Timers: on a time-skipping server the clock jumps ahead only while nothing is running.</summary>
public sealed class TimerTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [TimeSkippingFact]
    public Task A_52_week_sleep_finishes_in_seconds_and_workflow_time_moves_52_weeks() =>
        RunWorkerAsync(worker => worker.AddWorkflow<SleepWorkflow>(), async queue =>
        {
            var yearOfWeeks = TimeSpan.FromDays(7 * 52);
            var serverTimeBefore = await Server.Environment.GetCurrentTimeAsync();
            var wall = System.Diagnostics.Stopwatch.StartNew();

            var slept = await Client.ExecuteWorkflowAsync((SleepWorkflow wf) => wf.RunAsync(yearOfWeeks), new(UniqueId("year"), queue));

            Assert.InRange(wall.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
            Assert.True(slept >= yearOfWeeks, $"workflow time moved {slept}, less than the {yearOfWeeks} slept");
            Assert.True(await Server.Environment.GetCurrentTimeAsync() - serverTimeBefore >= yearOfWeeks);
        });

    [TimeSkippingFact]
    public Task Timers_fire_in_the_order_of_their_deadlines() =>
        RunWorkerAsync(worker => worker.AddWorkflow<TimerOrderWorkflow>(), async queue =>
        {
            var fired = await Client.ExecuteWorkflowAsync(
                (TimerOrderWorkflow wf) => wf.RunAsync(new[] { 30, 10, 20, 1 }), new(UniqueId("timer-order"), queue));

            Assert.Equal([1, 10, 20, 30], fired);
        });

    [Fact]
    public Task Time_does_not_skip_past_a_timer_while_an_activity_is_running() =>
        RunWorkerAsync(
            worker => worker.AddWorkflow<TimerVersusActivityWorkflow>().AddAllActivities(new ConformanceActivities()),
            async queue =>
            {
                var winner = await Client.ExecuteWorkflowAsync(
                    (TimerVersusActivityWorkflow wf) => wf.RunAsync(1500), new(UniqueId("timer-vs-activity"), queue));

                Assert.Equal("activity", winner);
            });

    [Fact]
    public Task A_short_sleep_moves_workflow_time_by_at_least_its_duration() =>
        RunWorkerAsync(worker => worker.AddWorkflow<SleepWorkflow>(), async queue =>
        {
            var slept = await Client.ExecuteWorkflowAsync(
                (SleepWorkflow wf) => wf.RunAsync(TimeSpan.FromSeconds(2)), new(UniqueId("short-sleep"), queue));

            Assert.True(slept >= TimeSpan.FromSeconds(2), $"workflow time moved only {slept}");
        });
}
