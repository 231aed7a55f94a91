using System.Text.RegularExpressions;
using Sykefravaer.Activities.Tests.Infrastructure;

namespace Sykefravaer.Activities.Tests.Privacy;

/// <summary>RULES.md, "Privacy and records": the fnr is personal data; the engine stores only a pseudonym.</summary>
public sealed partial class FodselsnummerNeverStoredTests(PostgresServer server) : DatabaseTest(server)
{
    [Fact]
    public async Task After_every_kind_of_write_no_table_contains_the_fnr()
    {
        var caseId = Guid.NewGuid();
        await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));
        await Activities.CreateTaskAsync(TestEffects.TaskCommand(caseId));
        await Activities.SendForhandsvarselAsync(TestEffects.Forhandsvarsel(caseId));
        await Activities.StartAapTransitionAsync(TestEffects.AapTransition(caseId));
        await Activities.RecordDecisionAsync(TestEffects.Decision(caseId));
        await Activities.UpdateProjectionAsync(TestEffects.Projection(caseId, 1));
        await Activities.RecordClosedCaseAsync(TestEffects.ClosedCase(caseId));

        foreach (var table in await AllTablesAsync())
        {
            Assert.Equal(0, await Database.ScalarAsync($"SELECT count(*) FROM {table} t WHERE t::text LIKE '%' || $1 || '%'", TestPerson.Fnr.Value));
        }

        Assert.Equal(1, await Database.ScalarAsync("SELECT count(*) FROM case_projection WHERE person_ref = $1", TestPerson.PersonRef));
    }

    [Fact]
    public async Task An_fnr_passed_as_person_reference_is_refused_without_echoing_it()
    {
        var command = TestEffects.NoticeCommand(Guid.NewGuid()) with { PersonRef = TestPerson.Fnr.Value };

        var failure = await Retryability.AssertNonRetryableAsync(() => Activities.SendNoticeAsync(command));

        Assert.DoesNotContain(TestPerson.Fnr.Value, failure.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await Database.ScalarAsync("SELECT count(*) FROM notice_outbox"));
    }

    [Fact]
    public async Task The_schema_itself_refuses_an_fnr_shaped_person_reference()
    {
        // Behind the activities' validation, in case some other writer (a script, a later feature) forgets it.
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Database.ScalarAsync(
            "WITH i AS (INSERT INTO case_projection (case_id, person_ref, version, state, milestones, effects) "
            + "VALUES (gen_random_uuid(), $1, 1, '{}', '[]', '[]') RETURNING 1) SELECT count(*) FROM i",
            TestPerson.Fnr.Value));

        Assert.Equal("23514", error.SqlState);
    }

    private async Task<IReadOnlyList<string>> AllTablesAsync()
    {
        var names = await Database.TextAsync(
            "SELECT string_agg(table_name, ',') FROM information_schema.tables WHERE table_schema = 'public'");
        var tables = names!.Split(',');
        Assert.All(tables, name => Assert.Matches(PlainName(), name));
        Assert.Superset(Tables.WithCaseRows.ToHashSet(), tables.ToHashSet());
        return tables;
    }

    [GeneratedRegex("^[a-z_]+$")]
    private static partial Regex PlainName();
}
