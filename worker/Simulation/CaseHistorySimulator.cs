using Sykefravaer.Activities;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Time;
using Sykefravaer.Persistence.InMemory;
using Sykefravaer.Workflows;
using Sykefravaer.Workflows.DataConversion;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Testing;
using Temporalio.Worker;

namespace Sykefravaer.Worker.Simulation;

/// <summary>
/// Runs a case history through the real workflow and activities on the offline Temporal server with time skipping:
/// each event is delivered by signal-with-start at its time, exactly as the API delivers it, and the effects land in
/// memory. The server process lives only as long as one call.
/// </summary>
public static class CaseHistorySimulator
{
    /// <summary>The simulated person's pseudonym: the input has no fødselsnummer, and needs none.</summary>
    public const string PersonRef = "simulert-person";

    private const string TaskQueue = "simulate";

    // The clock only skips while no work is outstanding, so sleeping to a moment this far past the last due time
    // returns only once the workflow has finished everything that time caused (more than the server's one-second
    // window for coalescing alarms).
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    public static async Task<SimulatedHistory> RunAsync(
        SimulationInput input, string serverPath, bool fetchHistories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var histories = await RunAsync([new SimulatedPerson(PersonRef, input)], serverPath, fetchHistories, cancellationToken).ConfigureAwait(false);
        return histories[0];
    }

    /// <summary>
    /// Several people at once on one server, each on the workflow ID of their own pseudonym, their events delivered
    /// in the order of time across all of them (<see cref="SimulationTimeline"/>); one <see cref="SimulatedHistory"/>
    /// per person, in the order given, each read at the start of the person's <c>until</c>. Cheaper than one server
    /// per person, and the same for each: a case's workflow sees only its own person's events and earlier cases.
    /// </summary>
    public static async Task<IReadOnlyList<SimulatedHistory>> RunAsync(
        IReadOnlyList<SimulatedPerson> people, string serverPath, bool fetchHistories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        await using var environment = await WorkflowEnvironment.StartTimeSkippingAsync(new()
        {
            TestServer = new() { ExistingPath = serverPath, StartupTimeout = TimeSpan.FromSeconds(30) },
            Runtime = CliTemporalRuntime.Instance,
            // As a deployment writes them, with the development key: a recorded history shows no case data in clear.
            DataConverter = CaseDataConverter.With(EncryptionKeyRing.Development),
        }).ConfigureAwait(false);

        var options = new TemporalWorkerOptions(TaskQueue)
            .AddAllActivities(new CaseActivities(new InMemoryCaseEffects()))
            .AddWorkflow<OppfolgingstilfelleWorkflow>();
        using var worker = new TemporalWorker(environment.Client, options);
        return await worker.ExecuteAsync(
            async () =>
            {
                var now = await environment.GetCurrentTimeAsync().ConfigureAwait(false);
                var shift = TimeShift.IntoFutureOf(now, [.. people.Select(p => p.Input)]);
                var histories = new SimulatedHistory[people.Count];
                foreach (var step in SimulationTimeline.Of(people, shift, Settle))
                {
                    await SkipToAsync(environment, step.At, people).ConfigureAwait(false);
                    var person = people[step.Person];
                    if (step.Event is { } e)
                    {
                        var firstRunInput = new CaseWorkflowInput(
                            person.PersonRef, shift.Forward(person.Input.BirthDate), RuleSetVersion: person.Input.RuleSet);
                        await environment.Client.SignalWithStartAsync(TaskQueue, firstRunInput, e).ConfigureAwait(false);
                    }
                    else
                    {
                        histories[step.Person] = await CollectAsync(environment.Client, person.PersonRef, shift, fetchHistories).ConfigureAwait(false);
                    }
                }

                return histories;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task SkipToAsync(WorkflowEnvironment environment, DateTimeOffset moment, IReadOnlyList<SimulatedPerson> people)
    {
        var now = new DateTimeOffset(await environment.GetCurrentTimeAsync().ConfigureAwait(false), TimeSpan.Zero);
        if (moment <= now)
        {
            return;
        }

        try
        {
            await environment.DelayAsync(moment - now).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            // Time only skips while no work is outstanding: a workflow task that fails and is retried forever stops it.
            throw new InvalidOperationException(
                $"Time stopped at {now:O}: {await LastWorkflowTaskFailureAsync(environment.Client, people).ConfigureAwait(false)}", e);
        }
    }

    private static async Task<string> LastWorkflowTaskFailureAsync(ITemporalClient client, IReadOnlyList<SimulatedPerson> people)
    {
        foreach (var person in people)
        {
            var history = await client.GetWorkflowHandle(CaseWorkflowIds.ForPerson(person.PersonRef)).FetchHistoryAsync().ConfigureAwait(false);
            var failed = history.Events.LastOrDefault(e => e.EventType == Temporalio.Api.Enums.V1.EventType.WorkflowTaskFailed);
            if (failed is not null)
            {
                var who = people.Count > 1 ? $" ({person.PersonRef})" : string.Empty;
                return $"workflow task failing{who}: {failed.WorkflowTaskFailedEventAttributes.Cause}: {failed.WorkflowTaskFailedEventAttributes.Failure?.Message}";
            }
        }

        return "the workflow is busy and no workflow task failed";
    }

    /// <summary>Every run of the person's workflow, oldest first; a case continued as new spans several runs, and
    /// its newest run shows it.</summary>
    private static async Task<SimulatedHistory> CollectAsync(ITemporalClient client, string personRef, TimeShift shift, bool fetchHistories)
    {
        var workflowId = CaseWorkflowIds.ForPerson(personRef);
        var runs = new List<WorkflowExecution>();
        await foreach (var run in client.ListWorkflowsAsync($"WorkflowId = '{workflowId}'").ConfigureAwait(false))
        {
            runs.Add(run);
        }

        var cases = new List<CaseProjection>();
        var histories = new List<WorkflowHistory>();
        foreach (var run in runs.OrderBy(r => r.StartTime))
        {
            var handle = client.GetWorkflowHandle<OppfolgingstilfelleWorkflow>(workflowId, run.RunId);
            if (await handle.QueryAsync(wf => wf.Case).ConfigureAwait(false) is { } projection)
            {
                var earlierRun = cases.FindIndex(c => c.CaseId == projection.CaseId);
                if (earlierRun >= 0)
                {
                    cases[earlierRun] = projection;
                }
                else
                {
                    cases.Add(projection);
                }
            }

            if (fetchHistories)
            {
                histories.Add(await handle.FetchHistoryAsync().ConfigureAwait(false));
            }
        }

        return new SimulatedHistory(shift, cases, histories);
    }
}
