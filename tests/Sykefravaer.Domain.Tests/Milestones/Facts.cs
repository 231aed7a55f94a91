using System.Collections.Immutable;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Milestones;

namespace Sykefravaer.Domain.Tests.Milestones;

/// <summary>Milestone facts for a tilfelle built from sykmeldinger, starting on Monday 2024-01-01 (S).</summary>
internal static class Facts
{
    public static readonly DateOnly S = new(2024, 1, 1);

    public static readonly DateOnly SomeMaksdato = new(2024, 12, 27);

    /// <summary>A tilfelle sick from S to S + <paramref name="lastOffset"/>, at <paramref name="grad"/>.</summary>
    public static MilestoneFacts SickUntil(int lastOffset, int grad = 100, bool employer = true) =>
        Of((0, lastOffset, grad)) with { Tilfelle = Tilfelle(employer, (0, lastOffset, grad)) };

    /// <summary>A tilfelle from periods given as offsets from S, with an employer.</summary>
    public static MilestoneFacts Of(params (int From, int To, int Grad)[] periods) =>
        new(Tilfelle(true, periods), SomeMaksdato, null, false, [], false, false);

    public static Oppfolgingstilfelle Tilfelle(bool employer, params (int From, int To, int Grad)[] periods)
    {
        var ledger = SykmeldingLedger.Empty;
        var orgnr = employer ? Organisasjonsnummer.Parse("974652269") : null;
        foreach (var (from, to, grad) in periods)
        {
            ledger = ledger.Receive(new Sykmelding($"sm-{from}", Periode.Of(S.AddDays(from), S.AddDays(to)), Grad.Of(grad), orgnr));
        }

        return Assert.Single(ledger.Tilfeller());
    }

    public static MilestoneFacts WithDialogmote(this MilestoneFacts facts, int motetype, bool avholdt, int onOffset) =>
        facts with { Dialogmoter = facts.Dialogmoter.Add(new DialogmoteFact(motetype, avholdt, S.AddDays(onOffset))) };

    public static MilestoneStatus Status(this MilestoneFacts facts, string code, int todayOffset = 0, RuleSet? ruleSet = null) =>
        MilestoneCalendar.Evaluate(ruleSet ?? RuleSets.Default, facts, ImmutableDictionary<string, DateOnly>.Empty, S.AddDays(todayOffset), false)[code];
}
