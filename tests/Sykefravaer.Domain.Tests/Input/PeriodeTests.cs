using System.Text.Json;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.Tests.Input;

public class PeriodeTests
{
    [Fact]
    public void Periode_of_one_day_has_one_day()
    {
        var periode = Periode.Of(new DateOnly(2024, 2, 29), new DateOnly(2024, 2, 29));

        Assert.Equal(1, periode.Days);
        Assert.True(periode.Contains(new DateOnly(2024, 2, 29)));
        Assert.False(periode.Contains(new DateOnly(2024, 3, 1)));
    }

    [Fact]
    public void Periode_fom_after_tom_is_refused_naming_the_field()
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            Periode.Of(new DateOnly(2024, 3, 2), new DateOnly(2024, 3, 1), "sykmelding.periode"));

        Assert.Equal("sykmelding.periode", error.Field);
        Assert.Contains("tom (2024-03-01) must not be before fom (2024-03-02)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1999, 12, 31, 2024, 1, 1, "sykmelding.periode.fom")]
    [InlineData(2024, 1, 1, 2100, 1, 1, "sykmelding.periode.tom")]
    [InlineData(1, 1, 1, 2024, 1, 1, "sykmelding.periode.fom")]
    public void Periode_absurd_dates_are_refused_naming_the_field(int fy, int fm, int fd, int ty, int tm, int td, string field)
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            Periode.Of(new DateOnly(fy, fm, fd), new DateOnly(ty, tm, td), "sykmelding.periode"));

        Assert.Equal(field, error.Field);
        Assert.Contains("is outside the accepted range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Periode_round_trips_through_System_Text_Json_and_refuses_a_reversed_stored_value()
    {
        var periode = Periode.Of(new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 31));

        Assert.Equal(periode, JsonSerializer.Deserialize<Periode>(JsonSerializer.Serialize(periode)));
        Assert.Throws<InvalidInputException>(() =>
            JsonSerializer.Deserialize<Periode>("""{"Fom":"2024-02-01","Tom":"2024-01-31"}"""));
    }
}
