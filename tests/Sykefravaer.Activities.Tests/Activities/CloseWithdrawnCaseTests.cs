using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Persistence.Postgres;
using Sykefravaer.Persistence.Reads;

namespace Sykefravaer.Activities.Tests.Activities;

/// <summary>A case whose every sykmelding was withdrawn ends with nothing to show; its stored read model is closed as
/// AVBRUTT, so neither the API nor the retention sweep takes it for an open case.</summary>
public sealed class CloseWithdrawnCaseTests(PostgresServer server) : DatabaseTest(server)
{
    private static readonly DateOnly WithdrawnOn = new(2024, 1, 10);
    private readonly Guid caseId = Guid.NewGuid();

    [Fact]
    public async Task The_stored_case_is_closed_as_AVBRUTT_with_its_pending_milestones_cancelled_and_the_rest_kept()
    {
        var open = TestEffects.Projection(caseId, version: 1) with
        {
            Milestones = [new MilestoneView("OPPFOLGINGSPLAN_FRIST", new DateOnly(2024, 1, 29), "PENDING", null),
                new MilestoneView("AKTIVITETSKRAV_INFO", new DateOnly(2024, 2, 12), "NOT_APPLICABLE", null)],
        };
        await Activities.UpdateProjectionAsync(open);

        var receipt = await InActivity.RunAsync(() => Activities.CloseWithdrawnCaseAsync(Withdrawn(version: 2)));

        Assert.Equal(new(caseId, 2, 2), receipt);
        var stored = await new CaseProjectionReader(Database.DataSource).GetAsync(caseId);
        Assert.NotNull(stored);
        Assert.Equal(open.State with { Closed = WithdrawnOn, Outcome = "AVBRUTT" }, stored.State);
        Assert.Equal(["CANCELLED", "NOT_APPLICABLE"], stored.Milestones.Select(m => m.Result));
        Assert.Equal(open.Effects, stored.Effects);
        Assert.Equal(1, await Database.ScalarAsync("SELECT count(*) FROM audit_trail WHERE case_id = $1 AND code = 'AVBRUTT'", caseId));
    }

    [Fact]
    public async Task A_retry_changes_nothing_more()
    {
        await Activities.UpdateProjectionAsync(TestEffects.Projection(caseId, version: 1));
        await Activities.CloseWithdrawnCaseAsync(Withdrawn(version: 2));

        var retry = await Activities.CloseWithdrawnCaseAsync(Withdrawn(version: 2));

        Assert.Equal(new(caseId, 2, 2), retry);
        Assert.Equal(1, await Database.ScalarAsync("SELECT count(*) FROM audit_trail WHERE case_id = $1 AND code = 'AVBRUTT'", caseId));
    }

    [Fact]
    public async Task A_newer_stored_version_is_left_alone()
    {
        await Activities.UpdateProjectionAsync(TestEffects.Projection(caseId, version: 5));

        var late = await Activities.CloseWithdrawnCaseAsync(Withdrawn(version: 4));

        Assert.Equal(5, late.StoredVersion);
        Assert.Equal("5 OPEN", await Database.TextAsync("SELECT concat_ws(' ', version, state->>'outcome') FROM case_projection WHERE case_id = $1", caseId));
    }

    [Fact]
    public async Task A_case_that_never_stored_a_projection_has_nothing_to_close()
    {
        var receipt = await Activities.CloseWithdrawnCaseAsync(Withdrawn(version: 1));

        Assert.Equal(0, receipt.StoredVersion);
        Assert.Equal(0, await Database.ScalarAsync("SELECT count(*) FROM case_projection WHERE case_id = $1", caseId));
    }

    private WithdrawnCaseCommand Withdrawn(long version) => new(caseId, TestPerson.PersonRef, version, WithdrawnOn);
}
