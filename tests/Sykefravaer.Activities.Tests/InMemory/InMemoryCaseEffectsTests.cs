using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Persistence.InMemory;

namespace Sykefravaer.Activities.Tests.InMemory;

/// <summary>The in-memory store (for simulate) keeps the same contract as PostgreSQL, through the same activities.</summary>
public sealed class InMemoryCaseEffectsTests
{
    private readonly Guid caseId = Guid.NewGuid();
    private readonly InMemoryCaseEffects effects = new();
    private readonly CaseActivities activities;

    public InMemoryCaseEffectsTests() => activities = new CaseActivities(effects);

    [Fact]
    public async Task Every_effect_twice_is_recorded_once_and_answers_the_same()
    {
        Assert.Equal(await activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId)), await activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId)));
        Assert.Equal(await activities.CreateTaskAsync(TestEffects.TaskCommand(caseId)), await activities.CreateTaskAsync(TestEffects.TaskCommand(caseId)));
        Assert.Equal(await activities.SendForhandsvarselAsync(TestEffects.Forhandsvarsel(caseId)), await activities.SendForhandsvarselAsync(TestEffects.Forhandsvarsel(caseId)));
        Assert.Equal(await activities.StartAapTransitionAsync(TestEffects.AapTransition(caseId)), await activities.StartAapTransitionAsync(TestEffects.AapTransition(caseId)));
        Assert.Equal(await activities.RecordDecisionAsync(TestEffects.Decision(caseId)), await activities.RecordDecisionAsync(TestEffects.Decision(caseId)));

        Assert.Equal(["AKTIVITETSKRAV_INFO", "FORHANDSVARSEL", "MAKSDATO"], effects.Notices.Select(n => n.Notice.Code));
        Assert.Equal(["AKTIVITETSKRAV_VURDERING", "AAP_ARBEIDSEVNEVURDERING"], effects.Tasks.Select(t => t.Task.Code));
        Assert.Equal(["NOTICE", "TASK", "NOTICE", "NOTICE", "TASK", "DECISION"], effects.AuditTrail.Select(a => a.Action));
        Assert.Equal(new DateOnly(2024, 3, 4), effects.Notices[1].Notice.Payload.Svarfrist);
    }

    [Fact]
    public async Task The_projection_never_goes_back()
    {
        await activities.UpdateProjectionAsync(TestEffects.Projection(caseId, 3, "FRISKMELDT"));

        var late = await activities.UpdateProjectionAsync(TestEffects.Projection(caseId, 2));

        Assert.True(late.Superseded);
        Assert.Equal("FRISKMELDT", effects.ProjectionOf(caseId)!.State.Outcome);
    }

    [Fact]
    public async Task A_failed_AAP_transition_writes_neither_part()
    {
        await activities.CreateTaskAsync(TestEffects.TaskCommand(caseId, TestEffects.Task("SOMETHING_ELSE", key: "MAKSDATO/VEILEDER")));

        await Retryability.AssertNonRetryableAsync(() => activities.StartAapTransitionAsync(TestEffects.AapTransition(caseId)));

        Assert.Empty(effects.Notices);
    }

    [Fact]
    public async Task Closed_tilfeller_are_kept_one_per_case_the_last_close_replacing_the_first_and_read_back_as_with_postgres()
    {
        var january = new DateOnly(2024, 1, 1);
        await activities.RecordClosedCaseAsync(TestEffects.ClosedCase(caseId, january.AddYears(-1)));
        await activities.RecordClosedCaseAsync(TestEffects.ClosedCase(caseId, january, version: 2));
        await activities.RecordClosedCaseAsync(TestEffects.ClosedCase(Guid.NewGuid(), new DateOnly(2021, 3, 1)));
        await activities.RecordClosedCaseAsync(TestEffects.ClosedCase(Guid.NewGuid(), new DateOnly(2022, 9, 1)));
        await activities.RecordClosedCaseAsync(TestEffects.ClosedCase(Guid.NewGuid(), new DateOnly(2023, 6, 1), personRef: "p1:someone-else"));

        var sinceEndOf2021 = await activities.EarlierTilfellerAsync(new EarlierTilfellerQuery(TestPerson.PersonRef, TestEffects.Tilfelle(new DateOnly(2021, 3, 1)).End));
        var since2022 = await activities.EarlierTilfellerAsync(new EarlierTilfellerQuery(TestPerson.PersonRef, new DateOnly(2022, 1, 1)));

        // The case continued and closed again is kept as it closed last; the other person's tilfelle is not the person's.
        Assert.Equal([new DateOnly(2021, 3, 1), new DateOnly(2022, 9, 1), january], sinceEndOf2021.Select(t => t.Start));
        Assert.Equal([new DateOnly(2022, 9, 1), january], since2022.Select(t => t.Start));
        Assert.Equal(TestEffects.Tilfelle(january), since2022[^1]);
    }

    [Fact]
    public async Task Bad_data_is_refused_as_with_postgres()
    {
        await Retryability.AssertNonRetryableAsync(() => activities.SendNoticeAsync(TestEffects.NoticeCommand(Guid.Empty)));

        Assert.Empty(effects.AuditTrail);
    }
}
