using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.Cases;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace Sykefravaer.Workflows.Tests.Infrastructure;

/// <summary>
/// One person's cases as an upstream system sees them: every event goes by signal-with-start to the person's one
/// workflow ID (<see cref="CaseWorkflowIds.ForPerson"/>), whose current run is the open case, or which starts a new
/// run (a new case) when the last one has closed.
/// </summary>
/// <param name="birthDate">For the age rules (M3, SNART_SLUTT_SYKEPENGER); null when unknown.</param>
/// <param name="ruleSet">The rule set new cases start under; null for the workflow's default.</param>
public sealed class PersonCases(
    ITemporalClient client, ServerClock clock, string taskQueue, string personRef, DateOnly? birthDate, int historyEventLimit, string? ruleSet = null)
{
    public string PersonRef { get; } = personRef;

    public string WorkflowId { get; } = CaseWorkflowIds.ForPerson(personRef);

    /// <summary>The person's workflow, following it to its current run.</summary>
    public WorkflowHandle<OppfolgingstilfelleWorkflow> Workflow => client.GetWorkflowHandle<OppfolgingstilfelleWorkflow>(WorkflowId);

    /// <summary>Delivers <paramref name="e"/> as its signal, starting a new case if none is open; returns the run
    /// that received it.</summary>
    public async Task<string> SendAsync(CaseEvent e)
    {
        var input = new CaseWorkflowInput(PersonRef, birthDate, HistoryEventLimit: historyEventLimit, RuleSetVersion: ruleSet);
        var handle = await client.SignalWithStartAsync(taskQueue, input, e);
        return handle.ResultRunId ?? throw new InvalidOperationException("Signal-with-start returned no run id.");
    }

    /// <summary>The open case as the "case" query shows it (the latest run, or the last closed one).</summary>
    public async Task<CaseProjection> QueryAsync() =>
        await Workflow.QueryAsync(wf => wf.Case) ?? throw new InvalidOperationException("The case has no sick days.");

    /// <summary>The current run id and status.</summary>
    public async Task<(string RunId, WorkflowExecutionStatus Status)> DescribeAsync()
    {
        var description = await Workflow.DescribeAsync();
        return (description.RunId, description.Status);
    }

    /// <summary>
    /// Waits (time skipping ahead) until run <paramref name="runId"/> ends, and returns the case it closed. Null when it
    /// did not close a case but continued as new (the same case in a fresh history, or the next case).
    /// </summary>
    public async Task<CaseProjection?> RunResultAsync(string runId)
    {
        try
        {
            return await clock.RunFreeWhileAsync(
                () => client.GetWorkflowHandle(WorkflowId, runId).GetResultAsync<CaseProjection?>(followRuns: false));
        }
        catch (WorkflowContinuedAsNewException)
        {
            return null;
        }
    }

    /// <summary>Waits (time skipping ahead) until the person's current case and every case it continues into has
    /// closed; returns the last one.</summary>
    public Task<CaseProjection?> FinalResultAsync() =>
        clock.RunFreeWhileAsync(() => Workflow.GetResultAsync<CaseProjection?>());

    /// <summary>Ends the person's workflow if it still runs, so its timers cannot wake after the test: they would wait
    /// for a worker forever and keep the shared clock from skipping ahead.</summary>
    public async Task TerminateIfRunningAsync()
    {
        try
        {
            var (_, status) = await DescribeAsync();
            if (status == WorkflowExecutionStatus.Running)
            {
                await Workflow.TerminateAsync("test finished");
            }
        }
        catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
        {
            // Nothing was ever sent for this person.
        }
    }
}
