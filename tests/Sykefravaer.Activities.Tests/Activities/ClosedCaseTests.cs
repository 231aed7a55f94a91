using System.Text.Json;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Activities.Tests.Activities;

/// <summary>T1 across runs: a closed case is kept whole in PostgreSQL, so the person's next run can continue it.</summary>
public sealed class ClosedCaseTests(PostgresServer server) : DatabaseTest(server)
{
    private static readonly DateOnly January = new(2024, 1, 1);

    private readonly string personRef = $"p-closed-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_closed_case_reads_back_whole_as_the_next_run_needs_it()
    {
        var caseId = Guid.NewGuid();
        var state = ClosedCase(January, days: 20);

        var recorded = await InActivity.RunAsync(() => Activities.RecordClosedCaseAsync(Command(caseId, state, version: 3)));
        var last = await InActivity.RunAsync(() => Activities.LastClosedCaseAsync(new LastClosedCaseQuery(personRef)));

        Assert.True(recorded);
        Assert.NotNull(last);
        Assert.Equal((caseId, 3L), (last.CaseId, last.ProjectionVersion));
        Assert.Equal(JsonSerializer.Serialize(state), JsonSerializer.Serialize(last.State));
        // M2 reads the same row's tilfelle as before.
        Assert.Equal(state.Tilfelle, Assert.Single(await Activities.EarlierTilfellerAsync(new EarlierTilfellerQuery(personRef, January))));
    }

    [Fact]
    public async Task A_case_continued_and_closed_again_is_kept_in_place_and_each_close_audited_once()
    {
        var caseId = Guid.NewGuid();
        await InActivity.RunAsync(() => Activities.RecordClosedCaseAsync(Command(caseId, ClosedCase(January, days: 20), version: 2)));
        var longer = ClosedCase(January, days: 60);

        var again = await InActivity.RunAsync(() => Activities.RecordClosedCaseAsync(Command(caseId, longer, version: 5)));
        var retried = await InActivity.RunAsync(() => Activities.RecordClosedCaseAsync(Command(caseId, longer, version: 5)));
        var last = await InActivity.RunAsync(() => Activities.LastClosedCaseAsync(new LastClosedCaseQuery(personRef)));

        Assert.Equal((true, false), (again, retried));
        Assert.Equal(5, last!.ProjectionVersion);
        Assert.Equal(longer.Tilfelle!.End, last.State.Tilfelle!.End);
        Assert.Equal(1, await CountAsync("closed_tilfelle", caseId));
        Assert.Equal(2, await CountAsync("audit_trail", caseId));
        Assert.Equal(
            $"{longer.Tilfelle.Start:yyyy-MM-dd} {longer.Tilfelle.End:yyyy-MM-dd}",
            await Database.TextAsync("SELECT concat_ws(' ', start_date, end_date) FROM closed_tilfelle WHERE case_id = $1", caseId));
    }

    [Fact]
    public async Task The_last_closed_case_is_the_one_that_ended_last_and_a_person_without_one_has_none()
    {
        var older = Guid.NewGuid();
        var newer = Guid.NewGuid();
        await InActivity.RunAsync(() => Activities.RecordClosedCaseAsync(Command(newer, ClosedCase(January.AddYears(1), days: 20), version: 1)));
        await InActivity.RunAsync(() => Activities.RecordClosedCaseAsync(Command(older, ClosedCase(January, days: 20), version: 1)));

        var last = await InActivity.RunAsync(() => Activities.LastClosedCaseAsync(new LastClosedCaseQuery(personRef)));
        var nobody = await InActivity.RunAsync(() => Activities.LastClosedCaseAsync(new LastClosedCaseQuery($"p-nobody-{Guid.NewGuid():N}")));

        Assert.Equal(newer, last!.CaseId);
        Assert.Null(nobody);
    }

    [Fact]
    public async Task An_open_case_is_refused_as_a_closed_one()
    {
        var open = CaseState.Open().Apply(Sykmelding(January, 20), NorwegianTime.StartOf(January)).State;

        await Retryability.AssertNonRetryableAsync(() => Activities.RecordClosedCaseAsync(
            new ClosedCaseCommand(Guid.NewGuid(), personRef, open.Tilfelle!, 1, open)));
    }

    private ClosedCaseCommand Command(Guid caseId, CaseState state, long version) =>
        new(caseId, personRef, state.Tilfelle!, version, state);

    /// <summary>A case of one sykmelding from <paramref name="start"/>, told of it once T7 has closed it.</summary>
    private static CaseState ClosedCase(DateOnly start, int days)
    {
        var e = Sykmelding(start, days);
        var state = CaseState.Open().Apply(e, NorwegianTime.StartOf(start.AddDays(days + 30))).State;
        Assert.True(state.IsClosed);
        return state;
    }

    private static SykmeldingMottatt Sykmelding(DateOnly start, int days) => new(
        $"e-{start:yyyyMMdd}-{days}",
        NorwegianTime.StartOf(start),
        new Sykmelding($"sm-{start:yyyyMMdd}-{days}", Periode.Of(start, start.AddDays(days - 1)), Grad.Full, Organisasjonsnummer.Parse("974652269")));
}
