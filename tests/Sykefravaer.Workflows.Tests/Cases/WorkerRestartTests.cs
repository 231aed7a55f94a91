using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Effects;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Persistence.Postgres;
using Sykefravaer.Testing;
using Sykefravaer.Testing.Postgres;
using Sykefravaer.Workflows.Tests.Infrastructure;
using static Sykefravaer.Workflows.Tests.Infrastructure.CaseAssert;
using static Sykefravaer.Workflows.Tests.Infrastructure.TestEvents;

namespace Sykefravaer.Workflows.Tests.Cases;

/// <summary>
/// A worker killed in the middle of a case and a new one started on the same task queue: the case completes, and
/// every notice and task is in PostgreSQL exactly once (the outbox, the work list and the audit trail agree with the
/// case's own timeline), although an activity ran twice or the workflow was replayed from its history.
/// </summary>
public sealed class WorkerRestartTests(CaseServerFixture server, PostgresFixture postgres)
    : PostgresCaseWorkflowTest(server, postgres)
{
    private FaultyCaseEffects? store;

    private FaultyCaseEffects Store => store ?? throw new InvalidOperationException("Not initialised.");

    protected override ICaseEffects Around(PostgresCaseEffects postgresStore) => store = new FaultyCaseEffects(postgresStore);

    [TimeSkippingFact]
    public async Task A_worker_killed_after_a_notice_was_written_but_before_the_activity_reported_is_replaced_and_the_case_completes_with_no_duplicate()
    {
        var person = NewPerson();
        Store.StallAfterWriting(key => key.EndsWith("/milestone:AKTIVITETSKRAV_INFO:Arbeidstaker", StringComparison.Ordinal));
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(400)));
        var caseId = (await person.QueryAsync()).CaseId;

        var finishing = person.FinalResultAsync();
        await Store.Stalled.WaitAsync(ServerClock.Patience);
        await Worker.StopAsync();
        Worker.Start(Store);
        var closed = await finishing;

        Assert.NotNull(closed);
        Assert.Equal("MAKSDATO", closed.State.Outcome);
        Assert.Equal(2, Store.CallsFor(Key(caseId, "milestone:AKTIVITETSKRAV_INFO:Arbeidstaker")));
        await AssertStoredExactlyOnceAsync(closed);
    }

    [TimeSkippingFact]
    public async Task A_worker_killed_between_milestones_is_replaced_by_one_that_replays_the_case_and_it_completes_with_no_duplicate()
    {
        var person = NewPerson();
        await DeliverAsync(person, Sykmelding("sm-1", Days.S, Days.SPlus(30)));
        await DeliverAsync(person, Sykmelding("sm-2", Days.SPlus(31), Days.SPlus(400), sentOn: Days.SPlus(28)));
        await DeliverAsync(person, Motebehov("mb-1", MotebehovFra.Arbeidsgiver, harBehov: true, Days.SPlus(35)));
        await DeliverAsync(person, Dialogmote("dm-1", 1, DialogmoteStatus.Avholdt, Days.SPlus(45)));
        await DeliverAsync(person, AktivitetskravVurdert("ak-1", VurderingUtfall.IkkeOppfylt, Days.SPlus(60), "ingen aktivitet"));
        await AdvanceToAsync(Days.SPlus(100));

        await Worker.StopAsync();
        Worker.Start(Store);
        var closed = await person.FinalResultAsync();

        Assert.NotNull(closed);
        Assert.Equal("MAKSDATO", closed.State.Outcome);
        Assert.Contains(closed.Effects, e => e.Code == AktivitetskravProcess.VurderStansCode);
        await AssertStoredExactlyOnceAsync(closed);
    }

    /// <summary>The outbox, the work list and the audit trail hold each effect of the case's timeline exactly once,
    /// and the stored projection is the final one.</summary>
    private async Task AssertStoredExactlyOnceAsync(CaseProjection closed)
    {
        string KeyOf(Effect e) => Key(closed.CaseId, e.Key);
        var notices = closed.Effects.Where(e => e.Kind == EffectKind.Notice).Select(KeyOf).Order(StringComparer.Ordinal);
        var tasks = closed.Effects.Where(e => e.Kind == EffectKind.Task).Select(KeyOf).Order(StringComparer.Ordinal);

        Assert.Equal(notices, await Database.ColumnAsync(
            "SELECT idempotency_key FROM notice_outbox WHERE case_id = $1 ORDER BY idempotency_key COLLATE \"C\"", closed.CaseId));
        Assert.Equal(tasks, await Database.ColumnAsync(
            "SELECT idempotency_key FROM veileder_task WHERE case_id = $1 ORDER BY idempotency_key COLLATE \"C\"", closed.CaseId));
        Assert.Equal(closed.Effects.Count, await Database.ScalarAsync(
            "SELECT count(*) FROM audit_trail WHERE case_id = $1 AND action IN ('NOTICE', 'TASK')", closed.CaseId));
        Assert.Equal(closed.Version, await Database.ScalarAsync("SELECT version FROM case_projection WHERE case_id = $1", closed.CaseId));
    }
}
