using System.Text.Json;
using Sykefravaer.Worker.Simulation;

namespace Sykefravaer.Worker.Forecast;

/// <summary>
/// A population file: case histories in simulate's input format (README "Simulate a case history"), one person
/// each, as a JSON array of them or one per line (JSON Lines). Every history is checked by simulate's own reader,
/// so a history that simulate refuses is refused here with the same message, prefixed with where it is.
/// </summary>
public static class PopulationReader
{
    /// <exception cref="SimulationInputException">Names the history (array index or line) and what is wrong.</exception>
    public static IReadOnlyList<SimulationInput> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart().StartsWith('[') ? ReadArray(text) : ReadLines(text);
    }

    private static List<SimulationInput> ReadArray(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new SimulationInputException($"the population is not valid JSON: {e.Message}");
        }

        using (document)
        {
            return [.. document.RootElement.EnumerateArray().Select((history, i) => Where($"[{i}]", () => SimulationInputReader.Read(history)))];
        }
    }

    private static List<SimulationInput> ReadLines(string text)
    {
        var histories = text.Split('\n')
            .Select((line, i) => (Line: line.Trim(), Number: i + 1))
            .Where(l => l.Line.Length > 0)
            .Select(l => Where($"line {l.Number}", () => SimulationInputReader.Read(l.Line)))
            .ToList();
        return histories.Count > 0 ? histories : throw new SimulationInputException("the population holds no case history");
    }

    private static SimulationInput Where(string where, Func<SimulationInput> read)
    {
        try
        {
            return read();
        }
        catch (SimulationInputException e)
        {
            throw new SimulationInputException($"{where}: {e.Message}");
        }
    }
}
