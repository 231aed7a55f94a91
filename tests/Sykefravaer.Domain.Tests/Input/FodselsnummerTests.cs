using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.Tests.Input;

public class FodselsnummerTests
{
    private const string Valid = "15038510190";

    [Fact]
    public void Fnr_valid_number_parses_and_encodes_its_birth_date()
    {
        var fnr = Fodselsnummer.Parse(Valid);

        Assert.Equal(new DateOnly(1985, 3, 15), fnr.BirthDate);
        Assert.False(fnr.IsDNumber);
        Assert.DoesNotContain(Valid, fnr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fnr_d_number_adds_4_to_the_first_digit()
    {
        var fnr = Fodselsnummer.Parse("55038510184");

        Assert.True(fnr.IsDNumber);
        Assert.Equal(new DateOnly(1985, 3, 15), fnr.BirthDate);
    }

    [Theory]
    [InlineData("15038510180", "first check digit (digit 10)")]
    [InlineData("15038510191", "second check digit (digit 11)")]
    [InlineData("1503851019", "exactly 11 digits")]
    [InlineData("150385101900", "exactly 11 digits")]
    [InlineData("1503851019A", "exactly 11 digits")]
    [InlineData("", "is required")]
    [InlineData(null, "is required")]
    [InlineData("31028510015", "valid birth date")]
    [InlineData("29020010027", "valid birth date")]
    public void Fnr_bad_input_is_refused_naming_the_field(string? input, string problem)
    {
        var error = Assert.Throws<InvalidInputException>(() => Fodselsnummer.Parse(input, "sykmeldt.fnr"));

        Assert.Equal("sykmeldt.fnr", error.Field);
        Assert.StartsWith("sykmeldt.fnr: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.False(Fodselsnummer.TryParse(input, out _));
    }

    [Fact]
    public void Fnr_round_trips_through_System_Text_Json_and_refuses_a_tampered_value()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Fodselsnummer.Parse(Valid));

        Assert.Equal(Fodselsnummer.Parse(Valid), System.Text.Json.JsonSerializer.Deserialize<Fodselsnummer>(json));
        Assert.Throws<InvalidInputException>(() =>
            System.Text.Json.JsonSerializer.Deserialize<Fodselsnummer>(json.Replace(Valid, "15038510191", StringComparison.Ordinal)));
    }
}
