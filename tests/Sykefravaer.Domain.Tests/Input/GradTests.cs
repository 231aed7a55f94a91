using System.Text.Json;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.Tests.Input;

public class GradTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(99, true)]
    [InlineData(100, false)]
    public void Grad_1_to_100_is_accepted_and_below_100_is_gradert(int percent, bool gradert)
    {
        var grad = Grad.Of(percent);

        Assert.Equal(percent, grad.Percent);
        Assert.Equal(gradert, grad.IsGradert);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public void Grad_outside_1_to_100_is_refused_naming_the_field(int percent)
    {
        var error = Assert.Throws<InvalidInputException>(() => Grad.Of(percent, "sykmelding.grad"));

        Assert.Equal("sykmelding.grad", error.Field);
        Assert.Contains($"between 1 and 100 (percent), was {percent}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grad_round_trips_through_System_Text_Json_and_refuses_a_tampered_value()
    {
        Assert.Equal(Grad.Of(60), JsonSerializer.Deserialize<Grad>(JsonSerializer.Serialize(Grad.Of(60))));
        Assert.Throws<InvalidInputException>(() => JsonSerializer.Deserialize<Grad>("""{"Percent":0}"""));
    }
}
