using System.Text.Json.Nodes;
using Sykefravaer.Worker.Tests.Infrastructure;
using static Sykefravaer.Worker.Tests.Infrastructure.SimulatedCases;

namespace Sykefravaer.Worker.Tests.Simulation;

/// <summary><c>simulate</c> as README.md documents it: a case history in, the cases as JSON out.</summary>
public sealed class SimulateCommandTests
{
    [Fact]
    public async Task The_README_example_gives_the_documented_case_with_every_milestone_and_effect()
    {
        var result = await WorkerCli.RunAsync(["simulate", Full(Path.Combine("histories", "inputs", "example.json"))]);

        var simulated = Parse(result).Single();
        // S = 2024-01-01, sick to 2024-02-29 with an employer; friskmeldt from 03-01, so 16 non-sick days close it on
        // 03-17 (T7). The plan went to the sykmelder before S+28; the case closed before week 16.
        Assert.Equal("2024-01-01", Field(simulated, "start"));
        Assert.Equal("2024-02-29", Field(simulated, "end"));
        Assert.Equal("2024-03-17", Field(simulated, "closed"));
        Assert.Equal("FRISKMELDT", Field(simulated, "outcome"));
        Assert.Equal("2024-12-27", Field(simulated, "maksdato"));
        Assert.Equal(
            [
                "OPPFOLGINGSPLAN_FRIST 2024-01-29 SATISFIED -",
                "NAV_OPPFOLGING_UTEN_ARBEIDSGIVER 2024-01-29 NOT_APPLICABLE -",
                "AKTIVITETSKRAV_INFO 2024-02-12 FIRED 2024-02-12",
                "DIALOGMOTE1_FRIST 2024-02-19 FIRED 2024-02-19",
                "AKTIVITETSKRAV_VURDERING 2024-02-25 FIRED 2024-02-25",
                "MOTEBEHOV_SPORSMAL 2024-04-22 CANCELLED -",
                "DIALOGMOTE2_KANDIDAT 2024-04-29 NOT_APPLICABLE -",
                "DIALOGMOTE2_FRIST 2024-07-01 CANCELLED -",
                "SNART_SLUTT_SYKEPENGER 2024-09-30 NOT_APPLICABLE -",
                "MAKSDATO 2024-12-27 NOT_APPLICABLE -",
            ],
            Milestones(simulated));
        Assert.Equal(
            [
                "2024-02-12 NOTICE AKTIVITETSKRAV_INFO ARBEIDSTAKER",
                "2024-02-12 NOTICE AKTIVITETSKRAV_INFO ARBEIDSGIVER",
                "2024-02-19 NOTICE DIALOGMOTE1_FRIST ARBEIDSGIVER",
                "2024-02-25 TASK AKTIVITETSKRAV_VURDERING VEILEDER",
            ],
            Effects(simulated));
    }

    [Fact]
    public async Task A_dash_reads_the_history_from_standard_input()
    {
        const string Input = """
            { "events": [ { "at": "2024-03-04T08:00:00+01:00", "type": "sykmelding", "id": "sm-1",
                            "fom": "2024-03-04", "tom": "2024-03-15", "grad": 100 } ],
              "until": "2024-05-01" }
            """;

        var simulated = Parse(await WorkerCli.RunAsync(["simulate", "-"], stdin: Input)).Single();

        // Without an employer the case closes 16 non-sick days after 03-15, before NAV's 28-day hand-over.
        Assert.Equal("2024-03-04", Field(simulated, "start"));
        Assert.Equal("2024-04-01", Field(simulated, "closed"));
        Assert.Contains("NAV_OPPFOLGING_UTEN_ARBEIDSGIVER 2024-04-01 CANCELLED -", Milestones(simulated));
        Assert.Empty(Effects(simulated));
    }

    [Fact]
    public async Task T6_a_second_correction_of_one_sykmelding_with_its_own_id_replaces_the_first()
    {
        const string Input = """
            { "events": [
                { "at": "2024-01-02T08:00:00+01:00", "type": "sykmelding", "id": "sm-1",
                  "fom": "2024-01-01", "tom": "2024-01-31", "grad": 100, "orgnr": "974652269" },
                { "at": "2024-01-10T08:00:00+01:00", "type": "sykmeldingKorrigert", "id": "k-1", "sykmeldingId": "sm-1",
                  "fom": "2024-01-01", "tom": "2024-03-31", "grad": 100, "orgnr": "974652269" },
                { "at": "2024-01-12T08:00:00+01:00", "type": "sykmeldingKorrigert", "id": "k-2", "sykmeldingId": "sm-1",
                  "fom": "2024-01-01", "tom": "2024-02-15", "grad": 100, "orgnr": "974652269" } ],
              "until": "2024-04-30" }
            """;

        var simulated = Parse(await WorkerCli.RunAsync(["simulate", "-"], stdin: Input)).Single();

        Assert.Equal("2024-02-15", Field(simulated, "end"));
        Assert.Equal("2024-03-03", Field(simulated, "closed"));
    }

    [Fact]
    public async Task T3_behandlingsdager_are_not_sick_days_so_the_case_ends_with_the_ordinary_sykmelding()
    {
        const string Input = """
            { "events": [
                { "at": "2024-01-02T08:00:00+01:00", "type": "sykmelding", "id": "sm-1",
                  "fom": "2024-01-01", "tom": "2024-01-20", "grad": 100, "orgnr": "974652269" },
                { "at": "2024-01-19T08:00:00+01:00", "type": "sykmelding", "id": "sm-2", "sykmeldingType": "BEHANDLINGSDAGER",
                  "fom": "2024-01-21", "tom": "2024-03-31", "grad": 100, "orgnr": "974652269" } ],
              "until": "2024-04-30" }
            """;

        var simulated = Parse(await WorkerCli.RunAsync(["simulate", "-"], stdin: Input)).Single();

        Assert.Equal("2024-01-20", Field(simulated, "end"));
        Assert.Equal("2024-02-06", Field(simulated, "closed"));
    }

    [Fact]
    public async Task A_friskmelding_for_the_next_case_received_while_the_first_is_open_goes_with_it_to_the_next_case()
    {
        const string Input = """
            { "events": [
                { "at": "2024-01-02T08:00:00+01:00", "type": "sykmelding", "id": "sm-1",
                  "fom": "2024-01-01", "tom": "2024-01-31", "grad": 100, "orgnr": "974652269" },
                { "at": "2024-02-10T08:00:00+01:00", "type": "sykmelding", "id": "sm-2",
                  "fom": "2024-02-20", "tom": "2024-05-31", "grad": 100, "orgnr": "974652269" },
                { "at": "2024-02-12T08:00:00+01:00", "type": "friskmelding", "id": "fm-1", "dato": "2024-03-10" } ],
              "until": "2024-06-30" }
            """;

        var cases = Parse(await WorkerCli.RunAsync(["simulate", "-"], stdin: Input)).Cases;

        // 19 non-sick days after 01-31 make sm-2 a case of its own (T1), which the friskmelding ends on 03-09.
        Assert.Equal(2, cases.Count);
        Assert.Equal(("2024-01-01", "2024-02-17"), (Field(cases[0], "start"), Field(cases[0], "closed")));
        Assert.Equal(("2024-02-20", "2024-03-09", "2024-03-26"), (Field(cases[1], "start"), Field(cases[1], "end"), Field(cases[1], "closed")));
    }

    [Fact]
    public async Task Record_histories_writes_one_history_per_case_that_replays_against_this_build()
    {
        var folder = Directory.CreateTempSubdirectory("recorded-");
        try
        {
            var simulate = await WorkerCli.RunAsync(
                ["simulate", Full(Path.Combine("histories", "inputs", "three-cases.json")), "--record-histories", folder.FullName]);
            Assert.Equal(3, Parse(simulate).Cases.Count);
            Assert.Equal(
                ["three-cases.1.json", "three-cases.2.json", "three-cases.3.json"],
                folder.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
            // Recorded as a deployment writes them: every payload of the engine's encrypted, so a recorded history
            // shows no case data in clear. The plain payloads left are Temporal core's own: the local-activity marker
            // data (sequence number, attempt, activity type, time) and, for Workflow.Patched, the patch marker's id
            // and the TemporalChangeVersion search attribute naming it (workflows/WorkflowPatches.cs, no case data).
            string[] coresOwn =
            [
                "markerRecordedEventAttributes/details/data/payloads",
                "markerRecordedEventAttributes/details/patch-data/payloads",
                "indexedFields/TemporalChangeVersion",
            ];
            Assert.All(folder.GetFiles(), f =>
            {
                var payloads = PayloadsIn(JsonNode.Parse(File.ReadAllText(f.FullName))!, "").ToList();
                Assert.Contains(payloads, p => p.Encoding == "binary/encrypted");
                Assert.All(
                    payloads.Where(p => p.Encoding != "binary/encrypted"),
                    p => Assert.Contains(coresOwn, end => p.Path.EndsWith(end, StringComparison.Ordinal)));
            });

            var replay = await WorkerCli.RunAsync(["replay", folder.FullName]);

            Assert.True(replay.ExitCode == 0, replay.ToString());
            Assert.Contains("3 of 3 histories replayed deterministically", replay.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Every payload in an exported history (an object with metadata and data), with its encoding and the
    /// path of fields it sits under.</summary>
    private static IEnumerable<(string Encoding, string Path)> PayloadsIn(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject o when o["metadata"] is JsonObject metadata && metadata["encoding"] is JsonValue encoding:
                yield return (System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoding.GetValue<string>())), path);
                break;
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    foreach (var found in child is null ? [] : PayloadsIn(child, path + "/" + key))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray a:
                foreach (var found in a.OfType<JsonNode>().SelectMany(child => PayloadsIn(child, path)))
                {
                    yield return found;
                }

                break;
        }
    }

    private static string Full(string relative) => Path.Combine(AppContext.BaseDirectory, relative);
}
