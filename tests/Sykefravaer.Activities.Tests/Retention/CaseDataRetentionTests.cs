using System.Globalization;
using Npgsql;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Domain.Time;
using Sykefravaer.Persistence.Postgres.Retention;

namespace Sykefravaer.Activities.Tests.Retention;

/// <summary>RULES.md, "Privacy and records": case data is kept for the sykepenger year and then deleted. Rows are
/// written through the activities, as a worker writes them; the sweep runs at a fixed <see cref="Now"/>.</summary>
public sealed class CaseDataRetentionTests(PostgresServer server) : DatabaseTest(server)
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = NorwegianTime.DateOf(Now);

    private static readonly string[] CaseTables = ["case_projection", "veileder_task", "notice_outbox", "audit_trail"];

    // Rows per table of CaseTables for a case written by WriteCaseAsync, before and after deletion.
    private static readonly long[] Kept = [1, 1, 1, 3];
    private static readonly long[] Gone = [0, 0, 0, 0];

    private const string OtherPerson = "p1:someone-else";

    private CaseDataRetention Retention => new(Database.DataSource);

    [Fact]
    public async Task A_case_closed_400_days_ago_loses_its_projection_tasks_notices_and_audit_entries()
    {
        var caseId = await WriteCaseAsync(closed: Today.AddDays(-400));
        Assert.Equal(Today.AddDays(-400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await Database.TextAsync(
            "SELECT state->>'closed' FROM case_projection WHERE case_id = $1", caseId));

        var result = await SweepAsync();

        Assert.Equal(new RetentionResult(false, CaseProjections: 1, VeilederTasks: 1, Notices: 1, AuditEntries: 3, 0, 0), result);
        Assert.Equal(Gone, await CountsAsync(caseId));
    }

    [Fact]
    public async Task A_notice_still_pending_is_deleted_with_its_case_rather_than_sent_a_year_late()
    {
        var caseId = await WriteCaseAsync(closed: Today.AddDays(-400));
        Assert.Equal("PENDING", await Database.TextAsync("SELECT status FROM notice_outbox WHERE case_id = $1", caseId));

        await SweepAsync();

        Assert.Equal(0, await CountAsync("notice_outbox", caseId));
    }

    [Fact]
    public async Task A_case_closed_100_days_ago_keeps_everything()
    {
        var caseId = await WriteCaseAsync(closed: Today.AddDays(-100));

        var result = await SweepAsync();

        Assert.False(result.DeletedAnything);
        Assert.Equal(Kept, await CountsAsync(caseId));
    }

    [Fact]
    public async Task A_case_is_kept_for_the_whole_year_after_the_day_it_closed()
    {
        var lastDay = await WriteCaseAsync(closed: Today.AddDays(-365));
        var dayAfter = await WriteCaseAsync(closed: Today.AddDays(-366));

        await SweepAsync();

        Assert.Equal(1, await CountAsync("case_projection", lastDay));
        Assert.Equal(0, await CountAsync("case_projection", dayAfter));
    }

    [Fact]
    public async Task An_open_case_keeps_everything_however_old()
    {
        var caseId = await WriteCaseAsync(closed: null);

        var result = await SweepAsync(Now.AddYears(10));

        Assert.Equal(0, result.CaseProjections);
        Assert.Equal(Kept, await CountsAsync(caseId));
    }

    [Fact]
    public async Task Only_the_expired_cases_rows_are_deleted()
    {
        var expired = await WriteCaseAsync(closed: Today.AddDays(-400));
        var recent = await WriteCaseAsync(closed: Today.AddDays(-100), personRef: OtherPerson);

        await SweepAsync();

        Assert.Equal(Gone, await CountsAsync(expired));
        Assert.Equal(Kept, await CountsAsync(recent));
    }

    [Fact]
    public async Task A_closed_tilfelle_is_deleted_four_years_after_it_ended_and_kept_until_then()
    {
        var old = Guid.NewGuid();
        var young = Guid.NewGuid();
        await Activities.RecordClosedCaseAsync(TestEffects.ClosedCase(old, EndingOn(Today.AddYears(-4).AddDays(-30))));
        await Activities.RecordClosedCaseAsync(TestEffects.ClosedCase(young, EndingOn(Today.AddYears(-3))));

        var result = await SweepAsync();

        Assert.Equal(1, result.ClosedTilfeller);
        Assert.Equal(0, await CountAsync("closed_tilfelle", old));
        Assert.Equal(1, await CountAsync("closed_tilfelle", young));
    }

    [Fact]
    public async Task Every_tilfelle_the_workflow_still_reads_back_is_kept()
    {
        // A new case asks for the tilfeller that ended on or after today four years ago (EarlierTilfellerAsync).
        var firstDayRead = Guid.NewGuid();
        var dayBefore = Guid.NewGuid();
        await Activities.RecordClosedCaseAsync(TestEffects.ClosedCase(firstDayRead, EndingOn(Today.AddYears(-4))));
        await Activities.RecordClosedCaseAsync(TestEffects.ClosedCase(dayBefore, EndingOn(Today.AddYears(-4).AddDays(-1))));

        await SweepAsync();

        Assert.Equal(1, await CountAsync("closed_tilfelle", firstDayRead));
        Assert.Equal(0, await CountAsync("closed_tilfelle", dayBefore));
    }

    [Fact]
    public async Task A_deleted_cases_tilfelle_stays_for_the_persons_later_cases()
    {
        var caseId = await WriteCaseAsync(closed: Today.AddDays(-400));
        await Activities.RecordClosedCaseAsync(TestEffects.ClosedCase(caseId, EndingOn(Today.AddDays(-400))));

        await SweepAsync();

        Assert.Equal(0, await CountAsync("case_projection", caseId));
        Assert.Equal(0, await CountAsync("audit_trail", caseId));
        Assert.Equal(1, await CountAsync("closed_tilfelle", caseId));
    }

    [Fact]
    public async Task Small_batches_still_delete_every_expired_case_in_one_sweep()
    {
        var expired = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            expired.Add(await WriteCaseAsync(closed: Today.AddDays(-400 - i)));
        }

        var open = await WriteCaseAsync(closed: null);

        var result = await SweepAsync(policy: new RetentionPolicy { BatchSize = 2 });

        Assert.Equal(new RetentionResult(false, 5, 5, 5, 15, 0, 0), result);
        foreach (var caseId in expired)
        {
            Assert.Equal(Gone, await CountsAsync(caseId));
        }

        Assert.Equal(Kept, await CountsAsync(open));
    }

    [Fact]
    public async Task A_second_sweep_deletes_nothing_more()
    {
        await WriteCaseAsync(closed: Today.AddDays(-400));
        await WriteCaseAsync(closed: Today.AddDays(-100));
        await Activities.RecordClosedCaseAsync(TestEffects.ClosedCase(Guid.NewGuid(), EndingOn(Today.AddYears(-5))));
        await InsertAcceptedEventAsync("e-old", OtherPerson, Now.AddDays(-400));
        var policy = new RetentionPolicy { BatchSize = 2 };

        var first = await SweepAsync(policy: policy);
        var second = await SweepAsync(policy: policy);

        Assert.Equal(new RetentionResult(false, 1, 1, 1, 3, 1, 1), first);
        Assert.Equal(RetentionResult.Nothing, second);
    }

    [Fact]
    public async Task An_accepted_event_older_than_a_year_is_forgotten_once_its_person_has_no_open_case()
    {
        await WriteCaseAsync(closed: Today.AddDays(-100), personRef: OtherPerson);
        await InsertAcceptedEventAsync("e-old", OtherPerson, Now.AddDays(-400));

        var result = await SweepAsync();

        Assert.Equal(1, result.AcceptedEvents);
        Assert.Equal(0, await AcceptedEventsAsync());
    }

    [Fact]
    public async Task An_accepted_event_is_remembered_while_its_person_has_an_open_case()
    {
        await WriteCaseAsync(closed: null);
        await InsertAcceptedEventAsync("e-old", TestPerson.PersonRef, Now.AddDays(-400));

        var result = await SweepAsync();

        Assert.Equal(0, result.AcceptedEvents);
        Assert.Equal(1, await AcceptedEventsAsync());
    }

    [Fact]
    public async Task An_accepted_event_younger_than_a_year_is_remembered()
    {
        await InsertAcceptedEventAsync("e-recent", OtherPerson, Now.AddDays(-100));

        await SweepAsync();

        Assert.Equal(1, await AcceptedEventsAsync());
    }

    [Fact]
    public async Task Many_old_accepted_events_go_in_small_batches()
    {
        for (var i = 0; i < 5; i++)
        {
            await InsertAcceptedEventAsync($"e-{i}", OtherPerson, Now.AddDays(-400 - i));
        }

        await InsertAcceptedEventAsync("e-recent", OtherPerson, Now.AddDays(-1));

        var result = await SweepAsync(policy: new RetentionPolicy { BatchSize = 2 });

        Assert.Equal(5, result.AcceptedEvents);
        Assert.Equal(1, await AcceptedEventsAsync());
    }

    [Fact]
    public async Task While_another_process_sweeps_the_sweep_is_skipped_and_deletes_nothing()
    {
        var caseId = await WriteCaseAsync(closed: Today.AddDays(-400));
        await using (var other = await Database.DataSource.OpenConnectionAsync())
        {
            await AdvisoryLockAsync(other, "SELECT pg_advisory_lock($1)");

            var skipped = await SweepAsync();

            Assert.True(skipped.Skipped);
            Assert.False(skipped.DeletedAnything);
            Assert.Equal(Kept, await CountsAsync(caseId));
            await AdvisoryLockAsync(other, "SELECT pg_advisory_unlock($1)");
        }

        var swept = await SweepAsync();

        Assert.False(swept.Skipped);
        Assert.Equal(Gone, await CountsAsync(caseId));
    }

    private Task<RetentionResult> SweepAsync(DateTimeOffset? now = null, RetentionPolicy? policy = null) =>
        Retention.SweepAsync(policy ?? new RetentionPolicy(), now ?? Now, CancellationToken.None);

    /// <summary>A case as the worker leaves it: its projection, one PENDING notice and one OPEN task, and an audit
    /// entry for each of the three.</summary>
    private async Task<Guid> WriteCaseAsync(DateOnly? closed, string? personRef = null)
    {
        var caseId = Guid.NewGuid();
        var projection = TestEffects.Projection(caseId, version: 1);
        await Activities.UpdateProjectionAsync(projection with
        {
            PersonRef = personRef ?? TestPerson.PersonRef,
            State = projection.State with { Closed = closed, Outcome = closed is null ? "OPEN" : "FRISKMELDT" },
        });
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId) with { PersonRef = personRef ?? TestPerson.PersonRef });
        await Activities.CreateTaskAsync(TestEffects.TaskCommand(caseId) with { PersonRef = personRef ?? TestPerson.PersonRef });
        return caseId;
    }

    /// <summary>Rows in case_projection, veileder_task, notice_outbox and audit_trail.</summary>
    private async Task<long[]> CountsAsync(Guid caseId)
    {
        var counts = new long[CaseTables.Length];
        for (var i = 0; i < CaseTables.Length; i++)
        {
            counts[i] = await CountAsync(CaseTables[i], caseId);
        }

        return counts;
    }

    /// <summary>The start of a <see cref="TestEffects.Tilfelle"/> that ends on <paramref name="end"/>.</summary>
    private static DateOnly EndingOn(DateOnly end) => end.AddDays(-59);

    private async Task InsertAcceptedEventAsync(string eventId, string personRef, DateTimeOffset acceptedAt)
    {
        await using var insert = Database.DataSource.CreateCommand(
            "INSERT INTO accepted_event (event_type, event_id, person_ref, accepted_at) VALUES ('Sykmelding', $1, $2, $3)");
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = eventId });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = personRef });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = acceptedAt });
        await insert.ExecuteNonQueryAsync();
    }

    private Task<long> AcceptedEventsAsync() => Database.ScalarAsync("SELECT count(*) FROM accepted_event");

    private static async Task AdvisoryLockAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = CaseDataRetention.AdvisoryLockKey });
        await command.ExecuteScalarAsync();
    }
}
