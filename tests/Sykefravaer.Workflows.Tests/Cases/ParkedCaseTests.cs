using Sykefravaer.Activities.Effects;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Persistence.Postgres;
using Sykefravaer.Testing;
using Sykefravaer.Workflows.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Cases;

/// <summary>
/// A write that fails with an error no retry can mend parks the case instead of failing its workflow: the case stays
/// running and marked for the operators, its events keep coming in, and an operator's resume retries the write (once
/// it is mended) or skips it, recorded in the audit trail with who and why. A year-long case is never lost to one
/// bad write.
/// </summary>
public sealed class ParkedCaseTests(CaseServerFixture server, PostgresFixture postgres)
    : PostgresCaseWorkflowTest(server, postgres)
{
    private const string RefusedEffect = "milestone:AKTIVITETSKRAV_INFO:Arbeidstaker";

    private FaultyCaseEffects? store;

    private FaultyCaseEffects Store => store ?? throw new InvalidOperationException("Not initialised.");

    protected override ICaseEffects Around(PostgresCaseEffects postgresStore) => store = new FaultyCaseEffects(postgresStore);

    [TimeSkippingFact]
    public async Task A_refused_write_parks_the_running_case_and_a_retry_once_mended_writes_it_once_and_the_case_goes_on()
    {
        var (person, caseId) = await ParkedCaseAsync();
        await DeliverAsync(person, Motebehov("mb-1", MotebehovFra.Arbeidsgiver, harBehov: true, Days.SPlus(50)));

        Store.StopRefusing();
        await person.Workflow.SignalAsync(wf => wf.ResumeAsync(
            new CaseResume("resume-1", ResumeAction.Retry, "Z990001", "mottakeren rettet i registeret")));
        var closed = await person.FinalResultAsync();

        Assert.Equal("MAKSDATO", closed?.State.Outcome);
        Assert.Equal(2, Store.CallsFor(Key(caseId, RefusedEffect))); // refused once, written once
        Assert.Equal(1, await Database.ScalarAsync(
            "SELECT count(*) FROM notice_outbox WHERE idempotency_key = $1", Key(caseId, RefusedEffect)));
        // The event that came while the case was parked was kept and acted on.
        Assert.Equal(1, await Database.ScalarAsync(
            "SELECT count(*) FROM veileder_task WHERE idempotency_key = $1", Key(caseId, "motebehov:mb-1")));
        Assert.Equal(0, await Database.ScalarAsync("SELECT count(*) FROM case_attention WHERE case_id = $1", caseId));
        Assert.Equal("OPERATOR_RETRY|Z990001", await Database.TextAsync(
            "SELECT code || '|' || decided_by FROM audit_trail WHERE idempotency_key = $1", Key(caseId, "resume:resume-1")));
    }

    [TimeSkippingFact]
    public async Task A_write_skipped_by_an_operator_is_never_written_and_the_case_goes_on_to_its_end()
    {
        var (person, caseId) = await ParkedCaseAsync();

        await person.Workflow.SignalAsync(wf => wf.ResumeAsync(
            new CaseResume("resume-1", ResumeAction.Skip, "Z990001", "varselet er sendt manuelt")));
        var closed = await person.FinalResultAsync();

        Assert.Equal("MAKSDATO", closed?.State.Outcome);
        Assert.Equal(1, Store.CallsFor(Key(caseId, RefusedEffect)));
        Assert.Equal(0, await Database.ScalarAsync(
            "SELECT count(*) FROM notice_outbox WHERE idempotency_key = $1", Key(caseId, RefusedEffect)));
        Assert.True(await Database.ScalarAsync("SELECT count(*) FROM notice_outbox WHERE case_id = $1", caseId) > 1);
        Assert.Equal(0, await Database.ScalarAsync("SELECT count(*) FROM case_attention WHERE case_id = $1", caseId));
        var cause = await Database.TextAsync(
            "SELECT cause FROM audit_trail WHERE code = 'OPERATOR_SKIP' AND idempotency_key = $1", Key(caseId, "resume:resume-1"));
        Assert.Contains("SendNotice failed (InvalidActivityInput", cause, StringComparison.Ordinal);
        Assert.EndsWith("varselet er sendt manuelt", cause, StringComparison.Ordinal);
    }

    /// <summary>A case whose AKTIVITETSKRAV_INFO notice (day 42) is refused as bad data, parked on it.</summary>
    private async Task<(PersonCases Person, Guid CaseId)> ParkedCaseAsync()
    {
        var person = NewPerson();
        Store.Refuse(key => key.EndsWith("/" + RefusedEffect, StringComparison.Ordinal));
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(400)));
        var caseId = (await person.QueryAsync()).CaseId;
        await AdvanceToAsync(Days.SPlus(45));

        var parked = await person.Workflow.QueryAsync(wf => wf.Parked);
        Assert.Equal("SendNotice", parked?.Activity);
        Assert.Equal(WorkflowExecutionStatus.Running, (await person.DescribeAsync()).Status);
        Assert.StartsWith("SendNotice: InvalidActivityInput: idempotencyKey:", await Database.TextAsync(
            "SELECT detail FROM case_attention WHERE case_id = $1 AND reason = 'ACTIVITY_FAILED'", caseId), StringComparison.Ordinal);
        return (person, caseId);
    }
}
