using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Persistence.Postgres;
using Sykefravaer.Persistence.Reads;

namespace Sykefravaer.Activities.Tests.Activities;

public sealed class UpdateProjectionTests(PostgresServer server) : DatabaseTest(server)
{
    private readonly Guid caseId = Guid.NewGuid();

    [Fact]
    public async Task The_projection_is_stored_and_reads_back_the_same()
    {
        var projection = TestEffects.Projection(caseId, version: 1);

        var receipt = await InActivity.RunAsync(() => Activities.UpdateProjectionAsync(projection));

        Assert.Equal(new(caseId, 1, 1), receipt);
        var stored = await new CaseProjectionReader(Database.DataSource).GetAsync(caseId);
        Assert.NotNull(stored);
        Assert.Equal(projection.State, stored.State);
        Assert.Equal(projection.Milestones, stored.Milestones);
        Assert.Equal(projection.Effects, stored.Effects);
        Assert.Equal("NOTICE", await Database.TextAsync("SELECT effects->0->>'kind' FROM case_projection WHERE case_id = $1", caseId));
    }

    [Fact]
    public async Task A_newer_version_replaces_the_stored_one()
    {
        await Activities.UpdateProjectionAsync(TestEffects.Projection(caseId, version: 1));

        var receipt = await Activities.UpdateProjectionAsync(TestEffects.Projection(caseId, version: 2, outcome: "FRISKMELDT"));

        Assert.False(receipt.Superseded);
        Assert.Equal("2 FRISKMELDT", await Database.TextAsync("SELECT concat_ws(' ', version, state->>'outcome') FROM case_projection WHERE case_id = $1", caseId));
    }

    [Fact]
    public async Task An_older_version_never_overwrites_a_newer_one()
    {
        await Activities.UpdateProjectionAsync(TestEffects.Projection(caseId, version: 3, outcome: "FRISKMELDT"));

        var late = await Activities.UpdateProjectionAsync(TestEffects.Projection(caseId, version: 2, outcome: "OPEN"));

        Assert.True(late.Superseded);
        Assert.Equal(3, late.StoredVersion);
        Assert.Equal("3 FRISKMELDT", await Database.TextAsync("SELECT concat_ws(' ', version, state->>'outcome') FROM case_projection WHERE case_id = $1", caseId));
    }

    [Fact]
    public async Task Racing_writers_leave_the_highest_version()
    {
        var versions = Enumerable.Range(1, 20).Reverse().ToList();

        await Task.WhenAll(versions.Select(version => Task.Run(() => Activities.UpdateProjectionAsync(TestEffects.Projection(caseId, version)))));

        Assert.Equal(20, await Database.ScalarAsync("SELECT version FROM case_projection WHERE case_id = $1", caseId));
    }

    [Fact]
    public async Task The_same_version_twice_changes_nothing_and_answers_the_same()
    {
        var first = await InActivity.RunAsync(() => Activities.UpdateProjectionAsync(TestEffects.Projection(caseId, version: 5)));
        var updatedAt = await Database.TextAsync("SELECT updated_at::text FROM case_projection WHERE case_id = $1", caseId);

        var second = await InActivity.RunAsync(() => Activities.UpdateProjectionAsync(TestEffects.Projection(caseId, version: 5)));

        Assert.Equal(first, second);
        Assert.Equal(updatedAt, await Database.TextAsync("SELECT updated_at::text FROM case_projection WHERE case_id = $1", caseId));
        Assert.Equal(1, await CountAsync("audit_trail", caseId));
    }

    [Fact]
    public async Task A_persons_cases_are_found_by_the_person_reference()
    {
        var other = Guid.NewGuid();
        await Activities.UpdateProjectionAsync(TestEffects.Projection(caseId, version: 1));
        await Activities.UpdateProjectionAsync(TestEffects.Projection(other, version: 1));

        var found = await new CaseProjectionReader(Database.DataSource).FindByPersonAsync(TestPerson.PersonRef);

        Assert.Equal(new[] { caseId, other }.Order(), found.Select(p => p.CaseId).Order());
    }
}
