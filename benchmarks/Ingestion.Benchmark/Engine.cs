using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sykefravaer.Activities;
using Sykefravaer.Api.Hosting;
using Sykefravaer.Persistence.Postgres;
using Sykefravaer.Persistence.Postgres.Migrations;
using Sykefravaer.Testing;
using Sykefravaer.Testing.Postgres;
using Sykefravaer.Workflows;
using Temporalio.Worker;

namespace Ingestion.Benchmark;

/// <summary>The engine as deployed, on this machine: a private PostgreSQL, the offline Temporal server in real time,
/// a worker, and the API on Kestrel on loopback.</summary>
internal sealed class Engine : IAsyncDisposable
{
    public const string SigningKey = "benchmark-only-signing-key-of-32-bytes-or-more";
    private const string TaskQueue = "ingestion-benchmark";

    private readonly TestPostgres _postgres;
    private readonly TestPostgresDatabase _database;
    private readonly TemporalTestServer _temporal;
    private readonly CancellationTokenSource _stopWorker;
    private readonly Task _worker;
    private readonly WebApplication _api;

    private Engine(TestPostgres postgres, TestPostgresDatabase database, TemporalTestServer temporal, CancellationTokenSource stopWorker, Task worker, WebApplication api)
    {
        _postgres = postgres;
        _database = database;
        _temporal = temporal;
        _stopWorker = stopWorker;
        _worker = worker;
        _api = api;
    }

    public Uri Address => new(_api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public Sykefravaer.Testing.Postgres.TestPostgresDatabase Database => _database;

    public static async Task<Engine> StartAsync(bool withWorker, int maxCachedWorkflows)
    {
        var postgres = await TestPostgres.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database.DataSource);
        var temporal = await TemporalTestServer.StartAsync(TemporalServerKind.OfflineDev, new TemporalTestServerOptions());

        var stopWorker = new CancellationTokenSource();
        var worker = new TemporalWorker(
            temporal.Client,
            new TemporalWorkerOptions(TaskQueue) { MaxCachedWorkflows = maxCachedWorkflows }
                .AddWorkflow<OppfolgingstilfelleWorkflow>()
                .AddAllActivities(new CaseActivities(new PostgresCaseEffects(database.DataSource))));
        var running = withWorker ? worker.ExecuteAsync(stopWorker.Token) : Task.CompletedTask;

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Temporal:Address"] = temporal.Client.Connection.Options.TargetHost,
            ["Temporal:Namespace"] = temporal.Client.Options.Namespace,
            ["Temporal:TaskQueue"] = TaskQueue,
            // PostgreSQL allows 100 connections; the worker's pool and the API's share them.
            ["ConnectionStrings:Sykefravaer"] = database.ConnectionString + ";Maximum Pool Size=30",
            ["Pseudonym:Key"] = "benchmark-only-pseudonym-key-of-32-bytes-or-more",
            ["Auth:Issuer"] = "benchmark",
            ["Auth:Audience"] = "benchmark",
            ["Auth:SigningKey"] = SigningKey,
        });
        builder.Services.AddSykefravaerApi();
        var api = builder.Build();
        api.UseSykefravaerApi();
        await api.StartAsync();
        return new Engine(postgres, database, temporal, stopWorker, running, api);
    }

    public async ValueTask DisposeAsync()
    {
        await _api.StopAsync();
        await _api.DisposeAsync();
        await _stopWorker.CancelAsync();
        try
        {
            await _worker;
        }
        catch (OperationCanceledException)
        {
            // stopped as asked
        }

        await _temporal.DisposeAsync();
        await _database.DisposeAsync();
        await _postgres.DisposeAsync();
        _stopWorker.Dispose();
    }
}
