using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Persistence.InMemory;

namespace Sykefravaer.Activities.Tests.Activities;

/// <summary>A case parked on a write that failed for good is marked for the operators (ACTIVITY_FAILED, with what
/// failed) over any stale sweep mark, and the resume removes that mark and no other.</summary>
public sealed class ParkCaseTests(PostgresServer server) : DatabaseTest(server)
{
    private readonly Guid caseId = Guid.NewGuid();

    private ParkCaseCommand Parked => new(caseId, "SendNotice", "InvalidActivityInput: to: unknown");

    [Fact]
    public async Task A_parked_case_is_marked_with_what_failed_replacing_a_stale_sweep_mark_and_unparking_removes_it()
    {
        await SweepMarkedCaseAsync("WORKFLOW_NOT_FOUND");

        Assert.True(await Activities.ParkCaseAsync(Parked));
        Assert.True(await Activities.ParkCaseAsync(Parked)); // a retry of the activity marks it the same
        Assert.Equal("ACTIVITY_FAILED SendNotice: InvalidActivityInput: to: unknown", await Database.TextAsync(
            "SELECT reason || ' ' || detail FROM case_attention WHERE case_id = $1", caseId));

        Assert.True(await Activities.UnparkCaseAsync(caseId));
        Assert.False(await Activities.UnparkCaseAsync(caseId));
        Assert.Equal(0, await CountAsync("case_attention", caseId));
    }

    [Fact]
    public async Task Unparking_leaves_a_sweep_mark_alone()
    {
        await SweepMarkedCaseAsync("WORKFLOW_FAILED");

        Assert.False(await Activities.UnparkCaseAsync(caseId));
        Assert.Equal(1, await CountAsync("case_attention", caseId));
    }

    [Fact]
    public async Task A_case_without_a_read_model_cannot_be_marked_in_either_store()
    {
        var memory = new CaseActivities(new InMemoryCaseEffects());

        Assert.False(await Activities.ParkCaseAsync(Parked));
        Assert.False(await memory.ParkCaseAsync(Parked));
        Assert.Equal(0, await CountAsync("case_attention", caseId));
    }

    /// <summary>A stored case the reconciliation sweep has marked with <paramref name="reason"/>.</summary>
    private async Task SweepMarkedCaseAsync(string reason)
    {
        await Activities.UpdateProjectionAsync(TestEffects.Projection(caseId, version: 1));
        await Database.ScalarAsync(
            "WITH m AS (INSERT INTO case_attention (case_id, reason) VALUES ($1, $2) RETURNING 1) SELECT count(*) FROM m", caseId, reason);
    }
}
