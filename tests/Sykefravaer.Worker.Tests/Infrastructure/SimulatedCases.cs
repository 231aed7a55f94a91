using System.Text.Json;

namespace Sykefravaer.Worker.Tests.Infrastructure;

/// <summary>The <c>simulate</c> output (README.md, "Simulate a case history"), read back for assertions.</summary>
public sealed record SimulatedCases(IReadOnlyList<JsonElement> Cases)
{
    public static SimulatedCases Parse(CliResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        return new(document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToList());
    }

    public JsonElement Single() => Assert.Single(Cases);

    public static string? Field(JsonElement simulatedCase, string name) =>
        simulatedCase.GetProperty(name).ValueKind == JsonValueKind.Null ? null : simulatedCase.GetProperty(name).ToString();

    /// <summary>Each milestone as <c>CODE due result firedOn</c>, in the rule set's order.</summary>
    public static IReadOnlyList<string> Milestones(JsonElement simulatedCase) =>
        simulatedCase.GetProperty("milestones").EnumerateArray()
            .Select(m => $"{m.GetProperty("code")} {Text(m, "due")} {m.GetProperty("result")} {Text(m, "firedOn")}")
            .ToList();

    /// <summary>Each effect as <c>on KIND CODE to</c>, in order.</summary>
    public static IReadOnlyList<string> Effects(JsonElement simulatedCase) =>
        simulatedCase.GetProperty("effects").EnumerateArray()
            .Select(e => $"{e.GetProperty("on")} {e.GetProperty("kind")} {e.GetProperty("code")} {e.GetProperty("to")}")
            .ToList();

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? "-" : element.GetProperty(name).ToString();
}
