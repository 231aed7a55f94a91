using Sykefravaer.Worker.Tests.Infrastructure;

namespace Sykefravaer.Worker.Tests.Simulation;

/// <summary>Bad input is refused before anything runs: exit code 2, nothing on standard output, and one line on
/// standard error that names the event (index and id) and the field.</summary>
public sealed class SimulateInputErrorTests
{
    private const string Sykmelding =
        """{ "at": "2024-01-02T08:00:00+01:00", "type": "sykmelding", "id": "sm-1", "fom": "2024-01-01", "tom": "2024-02-29", "grad": 100, "orgnr": "974652269" }""";

    public static TheoryData<string, string, string> BadInputs => new()
    {
        {
            "unknown type",
            """{ "events": [ { "at": "2024-01-02T08:00:00+01:00", "type": "sykemelding", "id": "x-1" } ], "until": "2024-06-30" }""",
            "stdin: events[0] (id \"x-1\"): type: \"sykemelding\" is not an event type; known: sykmelding, sykmeldingKorrigert,"
        },
        {
            "missing field",
            """{ "events": [ { "at": "2024-01-02T08:00:00+01:00", "type": "sykmelding", "id": "sm-1", "fom": "2024-01-01", "grad": 100 } ], "until": "2024-06-30" }""",
            "stdin: events[0] (id \"sm-1\"): tom: is required"
        },
        {
            "fom after tom",
            """{ "events": [ { "at": "2024-01-02T08:00:00+01:00", "type": "sykmelding", "id": "sm-1", "fom": "2024-03-01", "tom": "2024-02-29", "grad": 100 } ], "until": "2024-06-30" }""",
            "stdin: events[0] (id \"sm-1\"): tom:"
        },
        {
            "invalid orgnr",
            $$"""{ "events": [ {{Sykmelding}}, { "at": "2024-01-05T08:00:00+01:00", "type": "sykmelding", "id": "sm-2", "fom": "2024-03-01", "tom": "2024-03-10", "grad": 100, "orgnr": "974652268" } ], "until": "2024-06-30" }""",
            "stdin: events[1] (id \"sm-2\"): orgnr:"
        },
        {
            "misspelt field",
            """{ "events": [ { "at": "2024-01-02T08:00:00+01:00", "type": "sykmelding", "id": "sm-1", "fom": "2024-01-01", "tom": "2024-02-29", "grad": 100, "orgnummer": "974652269" } ], "until": "2024-06-30" }""",
            "stdin: events[0] (id \"sm-1\"): orgnummer:"
        },
        {
            "grade out of range",
            """{ "events": [ { "at": "2024-01-02T08:00:00+01:00", "type": "sykmelding", "id": "sm-1", "fom": "2024-01-01", "tom": "2024-02-29", "grad": 0 } ], "until": "2024-06-30" }""",
            "stdin: events[0] (id \"sm-1\"): grad:"
        },
        {
            "event without id",
            """{ "events": [ { "at": "2024-01-02T08:00:00+01:00", "type": "friskmelding", "dato": "2024-01-05" } ], "until": "2024-06-30" }""",
            "stdin: events[0] (no id): id: is required"
        },
        {
            "an event without its time",
            """{ "events": [ { "type": "friskmelding", "id": "fm-1", "dato": "2024-01-05" } ], "until": "2024-06-30" }""",
            "stdin: events[0] (id \"fm-1\"): at: is required: a simulated event happens at a given time"
        },
        {
            "a person in an event",
            """{ "events": [ { "at": "2024-01-02T08:00:00+01:00", "type": "friskmelding", "id": "fm-1", "fnr": "01017012345", "dato": "2024-01-05" } ], "until": "2024-06-30" }""",
            "stdin: events[0] (id \"fm-1\"): fnr: is not a field of a simulated event"
        },
        {
            "every bad field on one line",
            """{ "events": [ { "at": "2024-01-02T08:00:00+01:00", "type": "dialogmote", "id": "d-1", "motetype": 4, "status": "UNNTAK", "dato": "2024-01-05" } ], "until": "2024-06-30" }""",
            "stdin: events[0] (id \"d-1\"): motetype: must be 1, 2 or 3; begrunnelse: is required when status is UNNTAK"
        },
        {
            "events out of order",
            $$"""{ "events": [ {{Sykmelding}}, { "at": "2024-01-01T08:00:00+01:00", "type": "friskmelding", "id": "fm-1", "dato": "2024-01-05" } ], "until": "2024-06-30" }""",
            "stdin: events[1] (id \"fm-1\"): at:"
        },
        {
            "until before the last event",
            $$"""{ "events": [ {{Sykmelding}} ], "until": "2023-12-31" }""",
            "stdin: input: until: 2023-12-31 is before the last event"
        },
        {
            "not JSON",
            """{ "events": [ """,
            "stdin: the input is not valid JSON"
        },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_exits_with_2_and_names_the_event_and_the_field(string problem, string input, string expected)
    {
        var result = await WorkerCli.RunAsync(["simulate", "-"], stdin: input);

        Assert.True(result.ExitCode == 2, $"{problem}: {result}");
        Assert.Empty(result.Stdout);
        Assert.StartsWith(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_missing_file_exits_with_2_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-history-{Guid.NewGuid():N}.json");

        var result = await WorkerCli.RunAsync(["simulate", missing]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{missing}: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_file_argument_prints_the_usage_and_exits_with_2()
    {
        var result = await WorkerCli.RunAsync(["simulate"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("usage: simulate FILE|-", result.Stderr, StringComparison.Ordinal);
    }
}
