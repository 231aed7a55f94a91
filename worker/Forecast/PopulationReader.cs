using System.Text;
using System.Text.Json;
using Sykefravaer.Worker.Simulation;

namespace Sykefravaer.Worker.Forecast;

/// <summary>
/// A population file: case histories in simulate's input format (README "Simulate a case history"), one person
/// each, as a JSON array of them or one per line (JSON Lines). Read one history at a time as the forecast asks for
/// the next, so a file of a million people takes the memory of one. Every history is checked by simulate's own
/// reader, so a history that simulate refuses is refused here with the same message, prefixed with where it is.
/// </summary>
public static class PopulationReader
{
    private const byte ByteOrderMark = 0xEF;

    /// <summary>The histories of <paramref name="population"/>, which must be seekable (a file): its first character
    /// says whether it is an array or lines.</summary>
    /// <exception cref="SimulationInputException">While enumerating: names the history (array index or line) and
    /// what is wrong.</exception>
    public static IEnumerable<SimulationInput> Read(Stream population)
    {
        ArgumentNullException.ThrowIfNull(population);
        return IsArray(population) ? ReadArray(population) : ReadLines(population);
    }

    private static bool IsArray(Stream population)
    {
        int b;
        do
        {
            b = population.ReadByte();
        }
        while (b is ' ' or '\t' or '\r' or '\n' or ByteOrderMark or 0xBB or 0xBF);

        population.Position = 0;
        return b == '[';
    }

    private static IEnumerable<SimulationInput> ReadArray(Stream population)
    {
        // The serializer's async enumerable parses one element of the top-level array at a time; blocking on it is
        // what a command line that does nothing else in the meantime wants.
        using var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(population).ToBlockingEnumerable().GetEnumerator();
        for (var i = 0; ; i++)
        {
            try
            {
                if (!elements.MoveNext())
                {
                    yield break;
                }
            }
            catch (JsonException e)
            {
                throw new SimulationInputException($"the population is not valid JSON: {e.Message}");
            }

            var index = i;
            yield return Where($"[{index}]", () => SimulationInputReader.Read(elements.Current));
        }
    }

    private static IEnumerable<SimulationInput> ReadLines(Stream population)
    {
        using var reader = new StreamReader(population, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var histories = 0;
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            histories++;
            var at = number;
            yield return Where($"line {at}", () => SimulationInputReader.Read(line));
        }

        if (histories == 0)
        {
            throw new SimulationInputException("the population holds no case history");
        }
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
