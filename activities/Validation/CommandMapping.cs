using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Effects;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Activities.Validation;

/// <summary>Turns an activity's command into the validated writes it stands for, or throws
/// <see cref="InvalidInputException"/> naming the bad field.</summary>
internal static class CommandMapping
{
    public static NoticeToSend Notice(EffectCommand? command)
    {
        Require(command, "command");
        return Notice(command.CaseId, command.PersonRef, command.Effect, "effect", maksdato: null, svarfrist: null);
    }

    public static TaskToCreate Task(EffectCommand? command)
    {
        Require(command, "command");
        return Task(command.CaseId, command.PersonRef, command.Effect, "effect", command.Due);
    }

    public static NoticeToSend Forhandsvarsel(ForhandsvarselCommand? command)
    {
        Require(command, "command");
        var notice = Notice(command.CaseId, command.PersonRef, command.Notice, "notice", maksdato: null, command.Svarfrist);
        CommandRules.Date(command.Svarfrist, "svarfrist");
        return command.Svarfrist > notice.Payload.DecidedOn
            ? notice
            : throw new InvalidInputException("svarfrist", $"{command.Svarfrist:yyyy-MM-dd} is not after the notice date {notice.Payload.DecidedOn:yyyy-MM-dd}");
    }

    public static (NoticeToSend Notice, TaskToCreate Task) AapTransition(AapTransitionCommand? command)
    {
        Require(command, "command");
        CommandRules.Date(command.Maksdato, "maksdato");
        var notice = Notice(command.CaseId, command.PersonRef, command.Notice, "notice", command.Maksdato, svarfrist: null);
        var task = Task(command.CaseId, command.PersonRef, command.Task, "task", due: command.Maksdato);
        return notice.IdempotencyKey != task.IdempotencyKey
            ? (notice, task)
            : throw new InvalidInputException("task.key", "must differ from notice.key");
    }

    public static DecisionToRecord Decision(DecisionCommand? command)
    {
        Require(command, "command");
        var caseId = CommandRules.CaseId(command.CaseId);
        return new DecisionToRecord(
            IdempotencyKey.For(caseId, CommandRules.Key(command.Key, "key")),
            caseId,
            CommandRules.PersonRef(command.PersonRef),
            CommandRules.Code(command.Code, "code"),
            CommandRules.Date(command.On, "on"),
            CommandRules.Cause(command.Cause, "cause"),
            command.DecidedBy is null ? null : CommandRules.Cause(command.DecidedBy, "decidedBy"));
    }

    private static void RequireTilfelleRow(ClosedCaseCommand command)
    {
        CommandRules.CaseId(command.CaseId);
        CommandRules.PersonRef(command.PersonRef);
        Require(command.Tilfelle, "tilfelle");
        if (command.Tilfelle.Spans.IsDefaultOrEmpty)
        {
            throw new InvalidInputException("tilfelle.spans", "must hold at least one sick span");
        }
    }

    public static ClosedCaseCommand ClosedCase(ClosedCaseCommand? command)
    {
        Require(command, "command");
        RequireTilfelleRow(command);
        Require(command.State, "state");
        if (!command.State.IsClosed)
        {
            throw new InvalidInputException("state", "must be the state of a closed case");
        }

        return command.ProjectionVersion >= 0
            ? command
            : throw new InvalidInputException("projectionVersion", $"must not be negative, was {command.ProjectionVersion}");
    }

    public static LastClosedCaseQuery LastClosedCase(LastClosedCaseQuery? query)
    {
        Require(query, "query");
        CommandRules.PersonRef(query.PersonRef);
        return query;
    }

    public static WithdrawnCaseCommand WithdrawnCase(WithdrawnCaseCommand? command)
    {
        Require(command, "command");
        CommandRules.CaseId(command.CaseId);
        CommandRules.PersonRef(command.PersonRef);
        CommandRules.Date(command.On, "on");
        return command.Version > 0
            ? command
            : throw new InvalidInputException("version", $"must be positive, was {command.Version}");
    }

    public static EarlierTilfellerQuery EarlierTilfeller(EarlierTilfellerQuery? query)
    {
        Require(query, "query");
        CommandRules.PersonRef(query.PersonRef);
        CommandRules.Date(query.Since, "since");
        return query;
    }

    public static CaseProjection Projection(CaseProjection? projection)
    {
        Require(projection, "projection");
        CommandRules.CaseId(projection.CaseId);
        CommandRules.PersonRef(projection.PersonRef);
        if (projection.Version < 0)
        {
            throw new InvalidInputException("version", $"must not be negative, was {projection.Version}");
        }

        Require(projection.State, "state");
        Require(projection.Milestones, "milestones");
        Require(projection.Effects, "effects");
        CommandRules.Code(projection.State.Outcome, "state.outcome");
        foreach (var milestone in projection.Milestones)
        {
            Require(milestone, "milestones[]");
            CommandRules.Code(milestone.Code, "milestones[].code");
            CommandRules.Code(milestone.Result, "milestones[].result");
        }

        return projection;
    }

    private static NoticeToSend Notice(Guid caseId, string personRef, Effect? effect, string field, DateOnly? maksdato, DateOnly? svarfrist)
    {
        CommandRules.CaseId(caseId);
        var notice = CommandRules.Effect(effect, EffectKind.Notice, field);
        return new NoticeToSend(
            IdempotencyKey.For(caseId, notice.Key),
            caseId,
            CommandRules.PersonRef(personRef),
            notice.Code,
            notice.To,
            new NoticePayload(notice.On, svarfrist, maksdato),
            notice.Cause);
    }

    private static TaskToCreate Task(Guid caseId, string personRef, Effect? effect, string field, DateOnly? due)
    {
        CommandRules.CaseId(caseId);
        var task = CommandRules.Effect(effect, EffectKind.Task, field);
        return new TaskToCreate(
            IdempotencyKey.For(caseId, task.Key),
            caseId,
            CommandRules.PersonRef(personRef),
            task.Code,
            task.On,
            task.NotBefore,
            CommandRules.Date(due, "due"),
            task.Cause);
    }

    private static void Require([System.Diagnostics.CodeAnalysis.NotNull] object? value, string field)
    {
        if (value is null)
        {
            throw new InvalidInputException(field, "is required");
        }
    }
}
