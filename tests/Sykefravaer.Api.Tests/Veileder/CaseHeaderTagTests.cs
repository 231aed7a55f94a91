using Sykefravaer.Activities.Projection;
using Sykefravaer.Api.Veileder;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Input;
using Sykefravaer.Persistence.Reads;

namespace Sykefravaer.Api.Tests.Veileder;

/// <summary>The case page's "Gjentakende sykefravær" tag (GJENTAKENDE_SYKEFRAVAER) from the person's cases as the
/// projection keeps them.</summary>
public sealed class CaseHeaderTagTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData(5, 21, true)] // 5 tilfeller, 105 sick days
    [InlineData(5, 20, false)] // 100 days is not over 100
    [InlineData(4, 30, false)] // 120 days, but only 4 tilfeller
    public void Many_tilfeller_with_over_100_sick_days_are_gjentakende(int count, int days, bool tagged)
    {
        var cases = Enumerable.Range(0, count).Select(i => Case(Today.AddDays(-60 * (i + 1)), days)).ToList();

        var header = CaseHeader.Of(cases[0], Today, cases);

        Assert.Equal(tagged, header.Tags.Contains("Gjentakende sykefravær"));
    }

    [Fact]
    public void Overlapping_sykmeldinger_count_each_day_once()
    {
        var start = Today.AddDays(-400);
        var twice = Case(start, 160) with
        {
            Periods = [new PeriodView(start, start.AddDays(159), 100, true), new PeriodView(start, start.AddDays(159), 50, true)],
        };
        var cases = new List<CaseProjection> { twice, Case(Today.AddDays(-100), 141) };

        // 160 + 141 = 301 sick days: over 300 with two tilfeller; counted twice, the first would be 320 alone.
        Assert.Contains("Gjentakende sykefravær", CaseHeader.Of(cases[1], Today, cases).Tags);
        Assert.DoesNotContain("Gjentakende sykefravær", CaseHeader.Of(cases[1], Today, [twice, Case(Today.AddDays(-100), 140)]).Tags);
    }

    [Fact]
    public void Without_the_persons_cases_no_cross_case_tag_is_given()
    {
        var cases = Enumerable.Range(0, 6).Select(i => Case(Today.AddDays(-60 * (i + 1)), 30)).ToList();

        Assert.DoesNotContain("Gjentakende sykefravær", CaseHeader.Of(cases[0], Today).Tags);
    }

    [Fact]
    public void GJENTAKENDE_SYKEFRAVAER_counts_closed_tilfeller_whose_projections_retention_deleted()
    {
        var current = Case(Today.AddDays(-100), 141);
        var earlier = new ClosedTilfelle(Guid.NewGuid(), "ref", Tilfelle(Today.AddDays(-500), 160));

        Assert.Contains("Gjentakende sykefravær", CaseHeader.Of(current, Today, [current], [earlier]).Tags);
        Assert.DoesNotContain("Gjentakende sykefravær", CaseHeader.Of(current, Today, [current]).Tags);
    }

    [Fact]
    public void GJENTAKENDE_SYKEFRAVAER_a_case_open_again_counts_as_it_now_is_and_a_closed_one_once()
    {
        // The closed row remembers 20 days; the case was continued by a late sykmelding and now has 160.
        var continued = Case(Today.AddDays(-400), 160) with { State = Case(Today.AddDays(-400), 160).State with { Outcome = "OPEN", Closed = null } };
        var remembered = new ClosedTilfelle(continued.CaseId, "ref", Tilfelle(Today.AddDays(-400), 20));
        var current = Case(Today.AddDays(-100), 141);
        var closedTwice = Case(Today.AddDays(-400), 160);

        Assert.Contains("Gjentakende sykefravær", CaseHeader.Of(current, Today, [continued, current], [remembered]).Tags);
        // A closed case is counted from its closed row alone, not also from its projection (160 + 160 + 141 would do).
        Assert.DoesNotContain("Gjentakende sykefravær", CaseHeader.Of(current, Today, [closedTwice, current], [new ClosedTilfelle(closedTwice.CaseId, "ref", Tilfelle(Today.AddDays(-400), 20))]).Tags);
    }

    private static Oppfolgingstilfelle Tilfelle(DateOnly start, int days) =>
        SykmeldingLedger.Empty.Receive(new Sykmelding("s", Periode.Of(start, start.AddDays(days - 1)), Grad.Full, null)).Tilfeller().Single();

    private static CaseProjection Case(DateOnly start, int days) =>
        new(Guid.NewGuid(), "ref", 1, new CaseSummary(start, start.AddDays(days - 1), start.AddDays(days + 16), "FRISKMELDT", null), [], [],
            [new PeriodView(start, start.AddDays(days - 1), 100, true)]);
}
