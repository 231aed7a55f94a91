using System.Text.Json;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.Tests.Input;

public class OrganisasjonsnummerTests
{
    [Fact]
    public void Orgnr_974652269_is_valid()
    {
        Assert.Equal("974652269", Organisasjonsnummer.Parse("974652269").Value);
    }

    [Theory]
    [InlineData("974652268", "check digit (digit 9)")]
    [InlineData("97465226", "exactly 9 digits")]
    [InlineData("9746522690", "exactly 9 digits")]
    [InlineData("97465226X", "exactly 9 digits")]
    [InlineData(null, "is required")]
    public void Orgnr_bad_input_is_refused_naming_the_field(string? input, string problem)
    {
        var error = Assert.Throws<InvalidInputException>(() => Organisasjonsnummer.Parse(input, "arbeidsgiver"));

        Assert.Equal("arbeidsgiver", error.Field);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Orgnr_round_trips_through_System_Text_Json_and_refuses_a_tampered_value()
    {
        var json = JsonSerializer.Serialize(Organisasjonsnummer.Parse("974652269"));

        Assert.Equal(Organisasjonsnummer.Parse("974652269"), JsonSerializer.Deserialize<Organisasjonsnummer>(json));
        var error = Assert.Throws<InvalidInputException>(() =>
            JsonSerializer.Deserialize<Organisasjonsnummer>(json.Replace("974652269", "974652268", StringComparison.Ordinal)));
        Assert.Equal("orgnr", error.Field);
    }
}
