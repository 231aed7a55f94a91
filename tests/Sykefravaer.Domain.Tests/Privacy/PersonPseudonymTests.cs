using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Privacy;

namespace Sykefravaer.Domain.Tests.Privacy;

public class PersonPseudonymTests
{
    private const string Key = "a-test-key-that-is-at-least-32-bytes-long";

    // Synthetic numbers with valid check digits.
    private static readonly Fodselsnummer Anna = Fodselsnummer.Parse("15038510190");
    private static readonly Fodselsnummer Bjorn = Fodselsnummer.Parse("01019010046");

    [Fact]
    public void Same_person_and_key_give_the_same_pseudonym()
    {
        Assert.Equal(new PersonPseudonym(Key).Of(Anna), new PersonPseudonym(Key).Of(Anna));
    }

    [Fact]
    public void Different_people_get_different_pseudonyms()
    {
        var pseudonym = new PersonPseudonym(Key);
        Assert.NotEqual(pseudonym.Of(Anna), pseudonym.Of(Bjorn));
    }

    [Fact]
    public void Another_key_gives_another_pseudonym()
    {
        Assert.NotEqual(new PersonPseudonym(Key).Of(Anna), new PersonPseudonym(Key + "-rotated").Of(Anna));
    }

    [Fact]
    public void The_pseudonym_does_not_contain_the_fnr()
    {
        var value = new PersonPseudonym(Key).Of(Anna);
        Assert.DoesNotContain(Anna.Value, value, StringComparison.Ordinal);
        Assert.Matches("^p-[0-9a-f]{32}$", value);
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        var error = Assert.Throws<InvalidInputException>(() => new PersonPseudonym("short"));
        Assert.Equal("pseudonymKey", error.Field);
    }
}
