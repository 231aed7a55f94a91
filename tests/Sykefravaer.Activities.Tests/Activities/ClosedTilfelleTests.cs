using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Activities.Tests.Activities;

/// <summary>M2 across cases: a closed case's tilfelle is remembered once per close, and the person's next case reads back the
/// tilfeller that ended on or after a date, oldest first.</summary>
public sealed class ClosedTilfelleTests(PostgresServer server) : DatabaseTest(server)
{
    private static readonly DateOnly January = new(2024, 1, 1);

    private readonly Guid caseId = Guid.NewGuid();

    [Fact]
    public async Task A_recorded_tilfelle_reads_back_equal()
    {
        var closed = TestEffects.ClosedCase(caseId, January);

        await InActivity.RunAsync(() => Activities.RecordClosedCaseAsync(closed));
        var earlier = await InActivity.RunAsync(() => Activities.EarlierTilfellerAsync(new EarlierTilfellerQuery(TestPerson.PersonRef, January)));

        var tilfelle = Assert.Single(earlier);
        Assert.Equal(closed.Tilfelle, tilfelle);
        Assert.Equal(
            [(Periode.Of(January, January.AddDays(20)), 100, (string?)null), (Periode.Of(January.AddDays(25), January.AddDays(59)), 60, "974652269")],
            tilfelle.Spans.Select(s => (s.Periode, s.Grad.Percent, s.Arbeidsgiver?.Value)));
        Assert.Equal(TestEffects.Employer, tilfelle.Arbeidsgiver);
        Assert.Equal(56, tilfelle.AntallSykedager);
        Assert.Equal(
            "2024-01-01 2024-02-29",
            await Database.TextAsync("SELECT concat_ws(' ', start_date, end_date) FROM closed_tilfelle WHERE case_id = $1", caseId));
    }

    [Fact]
    public async Task Remembering_a_tilfelle_is_audited_with_its_dates()
    {
        await InActivity.RunAsync(() => Activities.RecordClosedCaseAsync(TestEffects.ClosedCase(caseId, January)));

        Assert.Equal(
            $"TILFELLE_CLOSED {caseId}/tilfelle/closed/v1 OPPFOLGINGSTILFELLE 2024-02-29 2024-01-01 56",
            await Database.TextAsync(
                "SELECT concat_ws(' ', action, idempotency_key, code, decided_on, details->>'start', details->>'sykedager') FROM audit_trail WHERE case_id = $1",
                caseId));
    }

    [Fact]
    public async Task The_same_case_twice_is_stored_once()
    {
        var first = await InActivity.RunAsync(() => Activities.RecordClosedCaseAsync(TestEffects.ClosedCase(caseId, January)));
        var recordedAt = await Database.TextAsync("SELECT recorded_at::text FROM closed_tilfelle WHERE case_id = $1", caseId);

        var second = await InActivity.RunAsync(() => Activities.RecordClosedCaseAsync(TestEffects.ClosedCase(caseId, January)));

        Assert.Equal((true, false), (first, second));
        Assert.Equal(1, await CountAsync("closed_tilfelle", caseId));
        Assert.Equal(1, await CountAsync("audit_trail", caseId));
        Assert.Equal(recordedAt, await Database.TextAsync("SELECT recorded_at::text FROM closed_tilfelle WHERE case_id = $1", caseId));
        Assert.Single(await Activities.EarlierTilfellerAsync(new EarlierTilfellerQuery(TestPerson.PersonRef, January)));
    }

    [Fact]
    public async Task Racing_retries_store_one_row()
    {
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Activities.RecordClosedCaseAsync(TestEffects.ClosedCase(caseId, January)))));

        Assert.Equal(1, await CountAsync("closed_tilfelle", caseId));
        Assert.Equal(1, await CountAsync("audit_trail", caseId));
    }

    [Fact]
    public async Task Only_the_persons_own_tilfeller_are_returned()
    {
        await Activities.RecordClosedCaseAsync(TestEffects.ClosedCase(caseId, January));
        await Activities.RecordClosedCaseAsync(TestEffects.ClosedCase(Guid.NewGuid(), January.AddMonths(6), personRef: "p1:someone-else"));

        var mine = await Activities.EarlierTilfellerAsync(new EarlierTilfellerQuery(TestPerson.PersonRef, January));
        var theirs = await Activities.EarlierTilfellerAsync(new EarlierTilfellerQuery("p1:someone-else", January));

        Assert.Equal([January], mine.Select(t => t.Start));
        Assert.Equal([January.AddMonths(6)], theirs.Select(t => t.Start));
        Assert.Empty(await Activities.EarlierTilfellerAsync(new EarlierTilfellerQuery("p1:nobody", January)));
    }

    [Fact]
    public async Task Tilfeller_that_ended_before_since_are_left_out()
    {
        var ended = TestEffects.Tilfelle(January).End;
        await Activities.RecordClosedCaseAsync(TestEffects.ClosedCase(caseId, January));

        Assert.Single(await Activities.EarlierTilfellerAsync(new EarlierTilfellerQuery(TestPerson.PersonRef, ended)));
        Assert.Empty(await Activities.EarlierTilfellerAsync(new EarlierTilfellerQuery(TestPerson.PersonRef, ended.AddDays(1))));
    }

    [Fact]
    public async Task Tilfeller_come_oldest_first()
    {
        DateOnly[] starts = [new(2023, 6, 1), new(2021, 3, 1), new(2024, 1, 1), new(2022, 9, 1)];
        foreach (var start in starts)
        {
            await Activities.RecordClosedCaseAsync(TestEffects.ClosedCase(Guid.NewGuid(), start));
        }

        var earlier = await Activities.EarlierTilfellerAsync(new EarlierTilfellerQuery(TestPerson.PersonRef, new DateOnly(2020, 1, 1)));

        Assert.Equal(starts.Order(), earlier.Select(t => t.Start));
    }

    [Fact]
    public async Task The_schema_itself_refuses_an_fnr_shaped_person_reference()
    {
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Database.ScalarAsync(
            "WITH i AS (INSERT INTO closed_tilfelle (case_id, person_ref, start_date, end_date, tilfelle) "
            + "VALUES (gen_random_uuid(), $1, '2024-01-01', '2024-01-31', '{}') RETURNING 1) SELECT count(*) FROM i",
            TestPerson.Fnr.Value));

        Assert.Equal("23514", error.SqlState);
    }
}
