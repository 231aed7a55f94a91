namespace Sykefravaer.Worker.Tests.Forecast;

/// <summary>Small populations in simulate's input format whose forecast follows from the rules by hand. Every
/// tilfelle starts Monday 2024-01-01 (S), so DIALOGMOTE2_KANDIDAT (S+119, day 120) falls in week 18.</summary>
internal static class ForecastPopulations
{
    private const string Employer = "974652269";

    /// <summary>Sick S..S+199, with an employer unless <paramref name="orgnr"/> is null, and extra events.</summary>
    public static string Long(string? orgnr = Employer, params string[] extra) =>
        History("2024-07-18", orgnr, extra);

    /// <summary>Sick 30 days: ends before any DM2 candidacy.</summary>
    public static string Short() => History("2024-01-30", Employer, [PlanOn("2024-01-15")]);

    /// <summary>The oppfølgingsplan shared on <paramref name="day"/>.</summary>
    public static string PlanOn(string day) =>
        $$"""{ "at": "{{day}}T10:00:00+01:00", "type": "oppfolgingsplanDelt", "id": "op-{{day}}", "mottaker": "SYKMELDER" }""";

    public static string MotebehovOn(string day) =>
        $$"""{ "at": "{{day}}T10:00:00+01:00", "type": "motebehov", "id": "mb-{{day}}", "fra": "ARBEIDSGIVER", "harBehov": true }""";

    public static string Array(params string[] histories) => $"[\n{string.Join(",\n", histories)}\n]";

    public static string Lines(params string[] histories) => string.Join("\n", histories) + "\n";

    /// <summary>Writes <paramref name="text"/> to a new file; the worker runs in the temp folder, so the path is absolute.</summary>
    public static string File(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"forecast-{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static string History(string tom, string? orgnr, string[] extra)
    {
        var employer = orgnr is null ? string.Empty : $$""", "orgnr": "{{orgnr}}" """;
        string[] events =
        [
            $$"""{ "at": "2024-01-01T08:00:00+01:00", "type": "sykmelding", "id": "sm-1", "fom": "2024-01-01", "tom": "{{tom}}", "grad": 100{{employer}} }""",
            .. extra,
        ];
        return $$"""{ "events": [ {{string.Join(", ", events)}} ], "until": "2025-03-01" }""";
    }
}
