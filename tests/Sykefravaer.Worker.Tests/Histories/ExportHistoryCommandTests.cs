using System.Text.Json;
using Sykefravaer.Activities;
using Sykefravaer.Persistence.InMemory;
using Sykefravaer.Testing;
using Sykefravaer.Worker.Tests.Infrastructure;
using Sykefravaer.Workflows;
using Sykefravaer.Workflows.Contract;
using Temporalio.Client;
using Temporalio.Worker;

namespace Sykefravaer.Worker.Tests.Histories;

/// <summary><c>export-history</c>: a case's history fetched from a running Temporal into a file that
/// <c>replay</c> takes (README.md, "Replay recorded histories").</summary>
public sealed class ExportHistoryCommandTests
{
    [Fact]
    public async Task A_running_case_is_exported_to_a_file_that_replays_against_this_build()
    {
        await using var server = await TemporalTestServer.StartAsync();
        var taskQueue = $"export-{Guid.NewGuid():N}";
        var personRef = $"export-person-{Guid.NewGuid():N}";
        var workflowId = CaseWorkflowIds.ForPerson(personRef);
        var file = Path.Combine(Path.GetTempPath(), $"exported-{Guid.NewGuid():N}", "case.json");
        using var worker = new TemporalWorker(
            server.Client,
            new TemporalWorkerOptions(taskQueue)
                .AddAllActivities(new CaseActivities(new InMemoryCaseEffects()))
                .AddWorkflow<OppfolgingstilfelleWorkflow>());
        await worker.ExecuteAsync(async () =>
        {
            var handle = await StartCaseAsync(server.Client, personRef, taskQueue);
            try
            {
                await WaitForCaseAsync(handle);

                var result = await WorkerCli.RunAsync(
                    ["export-history", "--workflow-id", workflowId, "--out", file], environment: TemporalOf(server.Client));

                Assert.True(result.ExitCode == 0, result.ToString());
                Assert.Contains($"replay it with: replay {file}", result.Stderr, StringComparison.Ordinal);
                var replay = await WorkerCli.RunAsync(["replay", file]);
                Assert.True(replay.ExitCode == 0, replay.ToString());
                Assert.Contains("1 of 1 histories replayed deterministically", replay.Stdout, StringComparison.Ordinal);
            }
            finally
            {
                await handle.TerminateAsync("test finished");
                Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
            }
        });
    }

    [Fact]
    public async Task An_unknown_workflow_exits_with_1_naming_it_and_the_server()
    {
        await using var server = await TemporalTestServer.StartAsync();

        var result = await WorkerCli.RunAsync(
            ["export-history", "--workflow-id", "oppfolgingstilfelle-nobody"], environment: TemporalOf(server.Client));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(
            $"cannot fetch the history of oppfolgingstilfelle-nobody from {server.Client.Connection.Options.TargetHost}",
            result.Stderr,
            StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Without_a_workflow_id_it_prints_the_usage_and_exits_with_2()
    {
        var result = await WorkerCli.RunAsync(["export-history", "--out", "case.json"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("usage: export-history --workflow-id ID", result.Stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> TemporalOf(ITemporalClient client) => new()
    {
        ["Temporal__Address"] = client.Connection.Options.TargetHost!,
        ["Temporal__Namespace"] = client.Options.Namespace,
    };

    private static async Task<WorkflowHandle<OppfolgingstilfelleWorkflow>> StartCaseAsync(
        ITemporalClient client, string personRef, string taskQueue)
    {
        // Sick from three days ago to a month ahead of the server's clock, so the case is open while it is exported.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var json = JsonDocument.Parse(
            $$"""
            { "at": "{{DateTimeOffset.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}}", "type": "sykmelding", "id": "sm-1",
              "fom": "{{today.AddDays(-3):yyyy-MM-dd}}", "tom": "{{today.AddDays(30):yyyy-MM-dd}}", "grad": 100, "orgnr": "974652269" }
            """);
        var e = CaseEventJson.Read(json.RootElement);
        var started = await client.SignalWithStartAsync(taskQueue, new CaseWorkflowInput(personRef), e);
        return client.GetWorkflowHandle<OppfolgingstilfelleWorkflow>(started.Id);
    }

    /// <summary>Until the workflow has taken the sykmelding, so the history holds completed workflow tasks.</summary>
    private static async Task WaitForCaseAsync(WorkflowHandle<OppfolgingstilfelleWorkflow> handle)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await handle.QueryAsync(wf => wf.Case) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the case never took its sykmelding");
            await Task.Delay(100);
        }
    }
}
