using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Activities.Tests.Activities;

/// <summary>Bad data fails at once (non-retryable, naming the field) and writes nothing.</summary>
public sealed class BadDataTests(PostgresServer server) : DatabaseTest(server)
{
    private static readonly Guid CaseId = Guid.NewGuid();

    private static readonly Dictionary<string, (string Field, Func<CaseActivities, Task> Call)> Cases = new()
    {
        ["empty case id"] = ("caseId", a => a.SendNoticeAsync(TestEffects.NoticeCommand(Guid.Empty))),
        ["empty person ref"] = ("personRef", a => a.CreateTaskAsync(TestEffects.TaskCommand(CaseId) with { PersonRef = " " })),
        ["person ref with spaces"] = ("personRef", a => a.CreateTaskAsync(TestEffects.TaskCommand(CaseId) with { PersonRef = "a b" })),
        ["missing effect"] = ("effect", a => a.SendNoticeAsync(TestEffects.NoticeCommand(CaseId) with { Effect = null! })),
        ["task sent as notice"] = ("effect.kind", a => a.SendNoticeAsync(TestEffects.NoticeCommand(CaseId, TestEffects.Task()))),
        ["notice to a veileder"] = ("effect.to", a => a.SendNoticeAsync(TestEffects.NoticeCommand(CaseId, TestEffects.Notice(to: Recipient.Veileder)))),
        ["task for the employer"] = ("effect.to", a => a.CreateTaskAsync(TestEffects.TaskCommand(CaseId, TestEffects.Task() with { To = Recipient.Arbeidsgiver }))),
        ["unknown recipient"] = ("effect.to", a => a.SendNoticeAsync(TestEffects.NoticeCommand(CaseId, TestEffects.Notice(to: (Recipient)42)))),
        ["lower-case code"] = ("effect.code", a => a.SendNoticeAsync(TestEffects.NoticeCommand(CaseId, TestEffects.Notice("aktivitetskrav info")))),
        ["empty key"] = ("effect.key", a => a.SendNoticeAsync(TestEffects.NoticeCommand(CaseId, TestEffects.Notice(key: "")))),
        ["no cause"] = ("effect.cause", a => a.CreateTaskAsync(TestEffects.TaskCommand(CaseId, TestEffects.Task() with { Cause = "" }))),
        ["date in 1900"] = ("effect.on", a => a.CreateTaskAsync(TestEffects.TaskCommand(CaseId, TestEffects.Task() with { On = new DateOnly(1900, 1, 1) }))),
        ["AAP notice and task with one key"] = ("task.key", a => a.StartAapTransitionAsync(TestEffects.AapTransition(CaseId) with { Task = TestEffects.Task(key: "MAKSDATO/ARBEIDSTAKER") })),
        ["AAP without task"] = ("task", a => a.StartAapTransitionAsync(TestEffects.AapTransition(CaseId) with { Task = null! })),
        ["decision without code"] = ("code", a => a.RecordDecisionAsync(TestEffects.Decision(CaseId) with { Code = "" })),
        ["negative projection version"] = ("version", a => a.UpdateProjectionAsync(TestEffects.Projection(CaseId, -1))),
        ["projection without state"] = ("state", a => a.UpdateProjectionAsync(TestEffects.Projection(CaseId, 1) with { State = null! })),
        ["closed tilfelle of an fnr"] = ("personRef", a => a.RecordClosedCaseAsync(TestEffects.ClosedCase(CaseId, personRef: TestPerson.Fnr.Value))),
        ["closed tilfelle without spans"] = ("tilfelle.spans", a => a.RecordClosedCaseAsync(TestEffects.ClosedCase(CaseId) with { Tilfelle = new Oppfolgingstilfelle([]) })),
        ["closed tilfelle missing"] = ("tilfelle", a => a.RecordClosedCaseAsync(TestEffects.ClosedCase(CaseId) with { Tilfelle = null! })),
        ["closed tilfelle of no case"] = ("caseId", a => a.RecordClosedCaseAsync(TestEffects.ClosedCase(Guid.Empty))),
        ["earlier tilfeller of an fnr"] = ("personRef", a => a.EarlierTilfellerAsync(new EarlierTilfellerQuery(TestPerson.Fnr.Value, TestEffects.Day))),
        ["earlier tilfeller since 1900"] = ("since", a => a.EarlierTilfellerAsync(new EarlierTilfellerQuery(TestPerson.PersonRef, new DateOnly(1900, 1, 1)))),
        ["withdrawn case at version 0"] = ("version", a => a.CloseWithdrawnCaseAsync(new WithdrawnCaseCommand(CaseId, TestPerson.PersonRef, 0, new DateOnly(2024, 1, 10)))),
        ["withdrawn case of an fnr"] = ("personRef", a => a.CloseWithdrawnCaseAsync(new WithdrawnCaseCommand(CaseId, "12345678901", 2, new DateOnly(2024, 1, 10)))),
        ["missing command"] = ("command", a => a.CreateTaskAsync(null!)),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_data_is_a_non_retryable_failure_naming_the_field_and_writes_nothing(string name)
    {
        var (field, call) = Cases[name];

        var failure = await Retryability.AssertNonRetryableAsync(() => InActivity.RunAsync(async () =>
        {
            await call(Activities);
            return 0;
        }));

        Assert.StartsWith(field + ":", failure.Message, StringComparison.Ordinal);
        foreach (var table in Tables.WithCaseRows)
        {
            Assert.Equal(0, await Database.ScalarAsync($"SELECT count(*) FROM {Tables.Checked(table)}"));
        }
    }
}
