using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Domain.Sporsmal;

namespace Sykefravaer.Domain.Cases;

/// <summary>
/// Questions sent with a milestone's notice (<see cref="MilestoneRule.Asks"/>) and their answers: KARTLEGGING_SVAR,
/// SNART_SLUTT_SVAR and SNART_SLUTT_IKKE_SVART. Every answer is kept; the first one in time decides a task.
/// </summary>
public sealed partial record CaseState
{
    /// <summary>Milestone code → the questions it sent and how far their answer has come.</summary>
    [JsonInclude]
    public ImmutableSortedDictionary<string, SporsmalSendt> SporsmalSendt { get; private init; } =
        ImmutableSortedDictionary.Create<string, SporsmalSendt>(StringComparer.Ordinal);

    /// <summary>Every KARTLEGGING answer received, in order, the late ones included.</summary>
    [JsonInclude]
    public ImmutableArray<KartleggingSvarMottatt> KartleggingSvar { get; private init; } = [];

    /// <summary>Every SNART_SLUTT answer received, in order.</summary>
    [JsonInclude]
    public ImmutableArray<SnartSluttSvarMottatt> SnartSluttSvar { get; private init; } = [];

    /// <summary>A KARTLEGGING answer indicating risk was taken up: a risk signal (2027-behov).</summary>
    [JsonIgnore]
    public bool KartleggingIndicatedRisk => Effects.Any(e => e.Code == SporsmalCodes.KartleggingSvarRisiko);

    private CaseState AskedBy(MilestoneRule rule, DateOnly today) =>
        rule.Asks is { } vindu
            ? this with { SporsmalSendt = SporsmalSendt.SetItem(rule.Code, new SporsmalSendt(rule.Code, today, vindu)) }
            : this;

    /// <summary>KARTLEGGING_SVAR: the first answer within the window creates the veileder task, flagged risk when an
    /// answer is not the low-risk one. A late answer, a second one, or one to questions never sent is kept and
    /// decides nothing: NAV takes answers for 31 days and once.</summary>
    private (CaseState, ImmutableArray<Effect>) RecordKartleggingSvar(KartleggingSvarMottatt k, DateOnly today)
    {
        var recorded = this with { KartleggingSvar = KartleggingSvar.Add(k) };
        var risk = k.Svar.IndicatesRisk;
        return recorded.AnswerTask(
            MilestoneCodes.Kartlegging,
            today,
            risk ? SporsmalCodes.KartleggingSvarRisiko : SporsmalCodes.KartleggingSvar,
            risk ? "an answer indicates risk of long absence" : "no answer indicates risk");
    }

    /// <summary>SNART_SLUTT_SVAR: yes and no each create a veileder task, as navikt/ismeroppfolging does; an answer
    /// after the "no answer" task still creates its own (the veileder gets a new task).</summary>
    private (CaseState, ImmutableArray<Effect>) RecordSnartSluttSvar(SnartSluttSvarMottatt s, DateOnly today)
    {
        var recorded = this with { SnartSluttSvar = SnartSluttSvar.Add(s) };
        return recorded.AnswerTask(
            MilestoneCodes.SnartSluttSykepenger,
            today,
            s.OnskerOppfolging ? SporsmalCodes.SnartSluttOnskerOppfolging : SporsmalCodes.SnartSluttOnskerIkkeOppfolging,
            s.OnskerOppfolging ? "the person asks for follow-up" : "the person does not want follow-up now");
    }

    private (CaseState, ImmutableArray<Effect>) AnswerTask(string milestone, DateOnly today, string code, string what)
    {
        if (!SporsmalSendt.TryGetValue(milestone, out var sent) || !sent.Accepts(today))
        {
            return (this, []);
        }

        var task = new Effect(
            Key: $"sporsmal:{milestone}:svar",
            On: today,
            Kind: EffectKind.Task,
            Code: code,
            To: Recipient.Veileder,
            Cause: $"{milestone} answered on {today:yyyy-MM-dd} (sent {sent.SentOn:yyyy-MM-dd}, answers taken until {sent.AcceptedUntil:yyyy-MM-dd}): {what}");
        return (this with
        {
            SporsmalSendt = SporsmalSendt.SetItem(milestone, sent with { AnsweredOn = today }),
            Effects = Effects.Add(task),
        }, [task]);
    }

    /// <summary>The earliest day a missing answer becomes a task, or null.</summary>
    private DateOnly? NextUnansweredTaskDue =>
        SporsmalSendt.Values.Select(s => s.UnansweredTaskDue).Where(d => d is not null).Min();

    /// <summary>SNART_SLUTT_IKKE_SVART: questions still unanswered on their day create a veileder task (once), as
    /// long as the case is open that day.</summary>
    private (CaseState State, ImmutableArray<Effect> Effects) UnansweredUntil(DateOnly lastOpenDay)
    {
        var state = this;
        var effects = ImmutableArray.CreateBuilder<Effect>();
        foreach (var sent in SporsmalSendt.Values.Where(s => s.UnansweredTaskDue <= lastOpenDay))
        {
            var due = sent.UnansweredTaskDue!.Value;
            var task = new Effect(
                Key: $"sporsmal:{sent.Code}:ikke-svart",
                On: lastOpenDay,
                Kind: EffectKind.Task,
                Code: SporsmalCodes.IkkeSvart(sent.Code),
                To: Recipient.Veileder,
                Cause: $"{sent.Code}: no answer by {due:yyyy-MM-dd} (sent {sent.SentOn:yyyy-MM-dd}, {sent.Vindu.UnansweredTaskAfterDays} days)");
            state = state with
            {
                SporsmalSendt = state.SporsmalSendt.SetItem(sent.Code, sent with { UnansweredTaskCreated = true }),
                Effects = state.Effects.Add(task),
            };
            effects.Add(task);
        }

        return (state, effects.ToImmutable());
    }
}
