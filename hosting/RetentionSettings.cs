using Microsoft.Extensions.Configuration;
using Sykefravaer.Persistence.Postgres.Retention;

namespace Sykefravaer.Hosting;

/// <summary>
/// The worker's retention sweep, from configuration (<c>Retention__Enabled</c>, <c>Retention__Interval</c>,
/// <c>Retention__KeepClosedCasesDays</c>, <c>Retention__KeepTilfellerYears</c>). A value that cannot be right stops
/// the start-up with a message naming the key, rather than deleting on a schedule nobody asked for.
/// </summary>
/// <param name="Enabled">False where something else deletes (or, in a demo with backdated cases, nothing should).</param>
/// <param name="Interval">Time between sweeps.</param>
/// <param name="KeepClosedCasesDays">Days a closed case is kept after the date it closed: the sykepenger year.</param>
/// <param name="KeepTilfellerYears">Years a closed tilfelle is kept after it ended, for M2 in the person's later cases.</param>
public sealed record RetentionSettings(bool Enabled, TimeSpan Interval, int KeepClosedCasesDays, int KeepTilfellerYears)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(6);

    public const int DefaultKeepClosedCasesDays = 365;

    public const int DefaultKeepTilfellerYears = 4;

    /// <summary>M2 counts the sykepengedager of the last 3 years: a tilfelle kept for less could lower a later case's
    /// count and so move its maksdato.</summary>
    public const int MinKeepTilfellerYears = 3;

    public RetentionPolicy Policy => new()
    {
        KeepClosedCases = TimeSpan.FromDays(KeepClosedCasesDays),
        KeepTilfellerFor = RetentionPolicy.Years(KeepTilfellerYears),
    };

    public static RetentionSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(
            ConfigurationValues.Flag(configuration, "Retention:Enabled", fallback: true),
            ConfigurationValues.PositiveSpan(configuration, "Retention:Interval", DefaultInterval),
            ConfigurationValues.WholeNumber(configuration, "Retention:KeepClosedCasesDays", min: 1, DefaultKeepClosedCasesDays),
            ConfigurationValues.WholeNumber(configuration, "Retention:KeepTilfellerYears", MinKeepTilfellerYears, DefaultKeepTilfellerYears));
    }
}
