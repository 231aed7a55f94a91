using Microsoft.Extensions.Configuration;
using Sykefravaer.Hosting;
using Sykefravaer.Persistence.Postgres.Retention;

namespace Sykefravaer.Api.Tests.Hosting;

/// <summary>The retention sweep's settings: the sykepenger year and M2's years by default; a value that cannot be right
/// stops the start-up with a message naming the key, rather than deleting on a schedule nobody asked for.</summary>
public sealed class RetentionSettingTests
{
    [Fact]
    public void Without_configuration_the_sweep_runs_every_six_hours_and_keeps_a_year_and_four_years()
    {
        var settings = Settings();

        Assert.Equal(new RetentionSettings(true, TimeSpan.FromHours(6), 365, 4), settings);
        Assert.Equal(new RetentionPolicy(), settings.Policy);
        Assert.Equal(TimeSpan.FromDays(365), settings.Policy.KeepClosedCases);
        Assert.Equal(TimeSpan.FromDays(1461), settings.Policy.KeepTilfellerFor);
    }

    [Fact]
    public void Configured_values_are_used()
    {
        var settings = Settings(
            ("Retention:Enabled", "false"),
            ("Retention:Interval", "01:30:00"),
            ("Retention:KeepClosedCasesDays", "400"),
            ("Retention:KeepTilfellerYears", "5"));

        Assert.Equal(new RetentionSettings(false, TimeSpan.FromMinutes(90), 400, 5), settings);
        Assert.Equal(TimeSpan.FromDays(400), settings.Policy.KeepClosedCases);
        Assert.Equal(TimeSpan.FromDays((5 * 365) + 2), settings.Policy.KeepTilfellerFor);
    }

    [Theory]
    [InlineData(1, 366)]
    [InlineData(3, 1096)]
    [InlineData(4, 1461)]
    public void Years_are_never_shorter_than_that_many_calendar_years(int years, int days)
    {
        Assert.Equal(TimeSpan.FromDays(days), RetentionPolicy.Years(years));
        foreach (var day in new[] { new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 1), new DateOnly(2026, 6, 1), new DateOnly(2028, 12, 31) })
        {
            Assert.True(day.AddDays(-days) <= day.AddYears(-years));
        }
    }

    [Theory]
    [InlineData("Retention:KeepClosedCasesDays", "0")]
    [InlineData("Retention:KeepClosedCasesDays", "-5")]
    [InlineData("Retention:KeepClosedCasesDays", "a year")]
    [InlineData("Retention:KeepTilfellerYears", "2")]
    [InlineData("Retention:KeepTilfellerYears", "4.5")]
    [InlineData("Retention:Interval", "00:00:00")]
    [InlineData("Retention:Interval", "-01:00:00")]
    [InlineData("Retention:Interval", "often")]
    [InlineData("Retention:Enabled", "yes")]
    public void A_value_that_cannot_be_right_is_refused_with_the_key_named(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Settings((key, value)));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    private static RetentionSettings Settings(params (string Key, string Value)[] values) =>
        RetentionSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());
}
