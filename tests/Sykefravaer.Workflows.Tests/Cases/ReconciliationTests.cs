using Microsoft.Extensions.Logging.Abstractions;
using Sykefravaer.Hosting;
using Sykefravaer.Persistence.Postgres;
using Sykefravaer.Persistence.Postgres.Reconciliation;
using Sykefravaer.Persistence.Reads;
using Sykefravaer.Testing;
using Sykefravaer.Workflows.Tests.Infrastructure;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Cases;

/// <summary>
/// A case whose workflow is gone, terminated or failed must not stay open silently: the reconciliation sweep marks
/// it for the operators, and leaves alone the cases that a running workflow keeps.
/// </summary>
public sealed class ReconciliationTests(CaseServerFixture server, PostgresFixture postgres)
    : PostgresCaseWorkflowTest(server, postgres)
{
    [TimeSkippingFact]
    public async Task Open_cases_without_a_running_workflow_are_marked_for_the_operators_and_the_others_are_left_alone()
    {
        var running = NewPerson();
        await DeliverAsync(running, Sykmelding("sm-r", Days.S, Days.SPlus(60)));
        var terminated = NewPerson();
        await DeliverAsync(terminated, Sykmelding("sm-t", Days.S, Days.SPlus(60)));
        await terminated.Workflow.TerminateAsync("an operator's mistake");
        var runningCase = (await running.QueryAsync()).CaseId;
        var terminatedCase = (await terminated.QueryAsync()).CaseId;
        // A case whose workflow is gone altogether (an in-memory Temporal restarted, a namespace deleted).
        var reader = new CaseProjectionReader(Database.DataSource);
        var lostCase = Guid.NewGuid();
        await new PostgresCaseEffects(Database.DataSource).SaveProjectionAsync(
            (await reader.GetAsync(runningCase))! with { CaseId = lostCase, PersonRef = $"p-lost-{Guid.NewGuid():N}" }, CancellationToken.None);

        var attention = new CaseAttention(Database.DataSource);
        var reconciliation = new CaseReconciliation(attention, Client, NullLogger<CaseReconciliation>.Instance);
        var first = await reconciliation.SweepAsync(CancellationToken.None);
        var second = await reconciliation.SweepAsync(CancellationToken.None);

        Assert.Equal((3, 2), first);
        Assert.Equal((1, 0), second); // the marked ones are not checked again; the running one still is
        var marks = await attention.ReasonsAsync([runningCase, terminatedCase, lostCase], CancellationToken.None);
        Assert.Equal(
            new Dictionary<Guid, string> { [terminatedCase] = "WORKFLOW_TERMINATED", [lostCase] = "WORKFLOW_NOT_FOUND" },
            marks);
    }

    [Fact]
    public void A_running_or_continued_workflow_keeps_its_case_every_other_status_is_a_reason()
    {
        Assert.Null(CaseReconciliation.ReasonFor(Temporalio.Api.Enums.V1.WorkflowExecutionStatus.Running));
        Assert.Null(CaseReconciliation.ReasonFor(Temporalio.Api.Enums.V1.WorkflowExecutionStatus.ContinuedAsNew));
        Assert.Equal("WORKFLOW_FAILED", CaseReconciliation.ReasonFor(Temporalio.Api.Enums.V1.WorkflowExecutionStatus.Failed));
        Assert.Equal("WORKFLOW_TIMED_OUT", CaseReconciliation.ReasonFor(Temporalio.Api.Enums.V1.WorkflowExecutionStatus.TimedOut));
        Assert.Equal("WORKFLOW_COMPLETED", CaseReconciliation.ReasonFor(Temporalio.Api.Enums.V1.WorkflowExecutionStatus.Completed));
    }
}
