using System.Text.Json;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Effects;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Persistence.InMemory;
using MilestoneCodes = Sykefravaer.Domain.Milestones.MilestoneCodes;

namespace Sykefravaer.Workflows.Tests.Infrastructure;

/// <summary>Assertions on what the "case" query shows and on what the activities wrote.</summary>
public static class CaseAssert
{
    public static MilestoneView Milestone(CaseProjection projection, string code)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return Assert.Single(projection.Milestones, m => m.Code == code);
    }

    /// <summary>The milestone fired on <paramref name="firedOn"/> (by default its due date, when the case was already
    /// known then).</summary>
    public static void Fired(CaseProjection projection, string code, DateOnly due, DateOnly? firedOn = null)
    {
        var milestone = Milestone(projection, code);
        Assert.Equal((code, due, "FIRED", firedOn ?? due), (milestone.Code, milestone.Due, milestone.Result, milestone.FiredOn));
    }

    /// <summary>A year-long case with an employer: every employer milestone of the default rule set fired once, on
    /// its due date counted from <paramref name="days"/>' S, and MAKSDATO on the case's maksdato.</summary>
    public static void EveryEmployerMilestoneFiredOnItsDueDate(CaseProjection closed, CaseDays days)
    {
        ArgumentNullException.ThrowIfNull(closed);
        ArgumentNullException.ThrowIfNull(days);
        Fired(closed, MilestoneCodes.OppfolgingsplanFrist, days.SPlus(28));
        Fired(closed, MilestoneCodes.AktivitetskravInfo, days.SPlus(42));
        Fired(closed, MilestoneCodes.Dialogmote1Frist, days.SPlus(49));
        Fired(closed, MilestoneCodes.AktivitetskravVurdering, days.SPlus(55));
        Fired(closed, MilestoneCodes.MotebehovSporsmal, days.SPlus(112));
        Fired(closed, MilestoneCodes.Dialogmote2Kandidat, days.SPlus(119));
        Fired(closed, MilestoneCodes.Dialogmote2Frist, days.SPlus(182));
        Fired(closed, MilestoneCodes.SnartSluttSykepenger, days.SPlus(273));
        Fired(closed, MilestoneCodes.Maksdato, closed.State.Maksdato!.Value);
    }

    public static void Result(CaseProjection projection, string code, string result)
    {
        var milestone = Milestone(projection, code);
        Assert.Equal((code, result, (DateOnly?)null), (milestone.Code, milestone.Result, milestone.FiredOn));
    }

    /// <summary>The read model stored by the projection activity is the one the workflow holds (compared as JSON:
    /// records compare their lists by reference).</summary>
    public static void SameProjection(CaseProjection expected, CaseProjection? stored)
    {
        Assert.NotNull(stored);
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(stored));
    }

    /// <summary>The store's key for an effect of a case: case id and the effect's own key.</summary>
    public static string Key(Guid caseId, string effectKey) => IdempotencyKey.For(caseId, effectKey);

    /// <summary>The idempotency keys of every notice written for the case, in the order written.</summary>
    public static IReadOnlyList<string> NoticeKeys(InMemoryCaseEffects effects, Guid caseId)
    {
        ArgumentNullException.ThrowIfNull(effects);
        return effects.Notices.Where(n => n.Notice.CaseId == caseId).Select(n => n.Notice.IdempotencyKey).ToList();
    }

    /// <summary>The idempotency keys of every veileder task written for the case, in the order written.</summary>
    public static IReadOnlyList<string> TaskKeys(InMemoryCaseEffects effects, Guid caseId)
    {
        ArgumentNullException.ThrowIfNull(effects);
        return effects.Tasks.Where(t => t.Task.CaseId == caseId).Select(t => t.Task.IdempotencyKey).ToList();
    }

    /// <summary>Every effect the case decided was written exactly once, and nothing else was: the store and the
    /// case's own timeline agree one to one.</summary>
    public static void StoreMatchesTimeline(InMemoryCaseEffects effects, CaseProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var decided = projection.Effects.Select(e => Key(projection.CaseId, e.Key)).Order(StringComparer.Ordinal).ToList();
        var written = NoticeKeys(effects, projection.CaseId).Concat(TaskKeys(effects, projection.CaseId))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(decided, written);
        Assert.Equal(decided.Count, decided.Distinct(StringComparer.Ordinal).Count());
    }
}
