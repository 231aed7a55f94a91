using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Sykefravaer.Testing;
using Sykefravaer.Testing.Http;
using Sykefravaer.Testing.Postgres;
using Sykefravaer.Worker.Tests.Infrastructure;

namespace Sykefravaer.Worker.Tests.Operations;

/// <summary>The worker process as NAIS runs it (<c>dotnet Sykefravaer.Worker.dll</c> with its settings in the
/// environment): it answers the probes and serves <c>/metrics</c> with Temporal's worker metrics and the engine's
/// gauges, on the port the platform gives it, and delivers the notices its activities write to the outbox.</summary>
public sealed partial class WorkerOperationsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_worker_answers_its_probes_serves_temporal_and_engine_metrics_and_delivers_notices()
    {
        await using var postgres = await TestPostgres.StartAsync();
        await using var database = await postgres.CreateDatabaseAsync();
        await using var temporal = await TemporalTestServer.StartAsync();
        await using var receiver = await NoticeReceiver.StartAsync();
        var port = LoopbackPorts.Free();
        using var worker = StartWorker(new Dictionary<string, string>
        {
            ["Temporal__Address"] = temporal.Client.Connection.Options.TargetHost!,
            ["Temporal__Namespace"] = temporal.Client.Options.Namespace,
            ["Temporal__TaskQueue"] = $"worker-ops-{Guid.NewGuid():N}",
            ["ConnectionStrings__Sykefravaer"] = database.ConnectionString,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Encryption__CurrentKey"] = "worker-ops-test",
            ["Encryption__Keys__worker-ops-test"] = Convert.ToBase64String(new byte[32]),
            ["Outbox__Http__Url"] = receiver.Url.ToString(),
            ["Outbox__Http__Token"] = "worker-ops-token",
            ["Outbox__PollInterval"] = "00:00:00.200",
        }, out var output);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var ready = await UntilAsync(http, "/internal/isready", body => body.Contains("\"status\":\"Healthy\"", StringComparison.Ordinal), worker, output);
            Assert.Equal("""{"status":"Healthy","checks":{"postgresql":"Healthy","temporal":"Healthy"}}""", ready);
            using var alive = await http.GetAsync(new Uri("/internal/isalive", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);

            // The worker's pollers report once they poll; the gauges once the stored counts are read.
            var metrics = await UntilAsync(http, "/metrics", body => PollerMetric().IsMatch(body) && body.Contains("sykefravaer_notices{", StringComparison.Ordinal), worker, output);
            Assert.Matches(PollerMetric(), metrics);
            Assert.Contains("sykefravaer_cases_needing_attention{", metrics, StringComparison.Ordinal);

            // A notice written to the outbox while the worker runs (the schema is there: the worker is ready) is
            // posted to the receiver by the worker's publisher.
            var caseId = Guid.NewGuid();
            await database.ScalarAsync(
                "INSERT INTO notice_outbox (idempotency_key, case_id, person_ref, code, recipient, payload) VALUES ($1, $2, $3, $4, $5, $6::jsonb)",
                $"{caseId}/AKTIVITETSKRAV_INFO/ARBEIDSTAKER", caseId, "p1:worker-ops", "AKTIVITETSKRAV_INFO", "ARBEIDSTAKER", "{\"decidedOn\":\"2024-02-12\"}");
            var received = Assert.Single(await receiver.UntilAsync(r => r.Count >= 1, Patience));
            Assert.Equal($"{caseId}/AKTIVITETSKRAV_INFO/ARBEIDSTAKER", received.IdempotencyKey);
            Assert.Equal("Bearer worker-ops-token", received.Authorization);
            await UntilAsync(http, "/metrics", body => DeliveredMetric().IsMatch(body), worker, output);
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("Production", null, "Temporal__Address and ConnectionStrings__Sykefravaer must both be set")]
    [InlineData("Production", "true", "Engine__Embedded=true is for a developer's machine and refused in Production")]
    public async Task A_deployed_worker_without_its_dependencies_refuses_to_start_rather_than_start_its_own(
        string environment, string? embedded, string reason)
    {
        var settings = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = environment,
            ["Temporal__Address"] = "",
            ["ConnectionStrings__Sykefravaer"] = "",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{LoopbackPorts.Free()}",
        };
        if (embedded is not null)
        {
            settings["Engine__Embedded"] = embedded;
        }

        using var worker = StartWorker(settings, out var output);
        using var limit = new CancellationTokenSource(Patience);
        await worker.WaitForExitAsync(limit.Token);

        Assert.Equal(2, worker.ExitCode);
        Assert.Contains(reason, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deployed_worker_without_a_receiver_for_its_notices_refuses_to_start_naming_the_setting()
    {
        using var worker = StartWorker(new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Temporal__Address"] = "127.0.0.1:1",
            ["ConnectionStrings__Sykefravaer"] = "Host=127.0.0.1;Port=1",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{LoopbackPorts.Free()}",
        }, out var output);
        using var limit = new CancellationTokenSource(Patience);
        await worker.WaitForExitAsync(limit.Token);

        Assert.Equal(2, worker.ExitCode);
        Assert.Contains("The worker does not start: Outbox__Http__Url must be set", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_SDK_Core_logs_reach_the_hosts_logging_under_their_own_category_at_the_level_asked()
    {
        await using var postgres = await TestPostgres.StartAsync();
        await using var database = await postgres.CreateDatabaseAsync();
        await using var temporal = await TemporalTestServer.StartAsync();
        var port = LoopbackPorts.Free();
        using var worker = StartWorker(new Dictionary<string, string>
        {
            ["Temporal__Address"] = temporal.Client.Connection.Options.TargetHost!,
            ["Temporal__Namespace"] = temporal.Client.Options.Namespace,
            ["Temporal__TaskQueue"] = $"worker-core-logs-{Guid.NewGuid():N}",
            ["ConnectionStrings__Sykefravaer"] = database.ConnectionString,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Encryption__CurrentKey"] = "worker-ops-test",
            ["Encryption__Keys__worker-ops-test"] = Convert.ToBase64String(new byte[32]),
            ["Outbox__Http__Url"] = "http://127.0.0.1:9/",
            ["Telemetry__CoreLogLevel"] = "Debug",
            ["Logging__LogLevel__Temporalio.Core"] = "Debug",
        }, out var output);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await UntilAsync(http, "/internal/isready", body => body.Contains("\"status\":\"Healthy\"", StringComparison.Ordinal), worker, output);
            await UntilAsync(http, "/internal/isalive", _ => CoreLines(output).Count > 0, worker, output);

            // Through the host's console logger (its format: "dbug: Temporalio.Core[0]"), not Core's own text on stdout.
            Assert.NotEmpty(CoreLines(output));
            Assert.DoesNotContain("\u001b[", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }
    }

    private static List<string> CoreLines(StringBuilder output)
    {
        lock (output)
        {
            return [.. output.ToString().Split('\n').Where(line => line.Contains($"{Sykefravaer.Hosting.Telemetry.EngineTelemetry.CoreLogCategory}[", StringComparison.Ordinal))];
        }
    }

    private static Process StartWorker(Dictionary<string, string> environment, out StringBuilder output)
    {
        var start = WorkerCli.StartInfo([], environment);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The worker did not start.");
        var lines = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (lines) { lines.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (lines) { lines.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = lines;
        return process;
    }

    private static async Task<string> UntilAsync(HttpClient http, string path, Func<string, bool> done, Process worker, StringBuilder output)
    {
        var deadline = DateTime.UtcNow + Patience;
        var last = "(no answer yet)";
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(worker.HasExited, "The worker exited: " + output);
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                last = string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode}: {body}");
                if (response.IsSuccessStatusCode && done(body))
                {
                    return body;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{path} never answered as expected; last answer {last}\n--- worker output\n{output}");
    }

    [GeneratedRegex("(?m)^sykefravaer_notices_delivered_total\\{[^}]*code=\"AKTIVITETSKRAV_INFO\"[^}]*\\} 1")]
    private static partial Regex DeliveredMetric();

    [GeneratedRegex("(?m)^temporal_(num_pollers|worker_task_slots_available)\\{[^}]*\\} [0-9]")]
    private static partial Regex PollerMetric();
}
