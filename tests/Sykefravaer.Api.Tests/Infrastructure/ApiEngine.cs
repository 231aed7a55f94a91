using Microsoft.Extensions.Logging;
using Sykefravaer.Activities;
using Sykefravaer.Domain.Privacy;
using Sykefravaer.Persistence.Postgres;
using Sykefravaer.Persistence.Postgres.Migrations;
using Sykefravaer.Testing;
using Sykefravaer.Testing.Postgres;
using Sykefravaer.Workflows;
using Sykefravaer.Workflows.DataConversion;
using Temporalio.Client;
using Temporalio.Worker;

namespace Sykefravaer.Api.Tests.Infrastructure;

/// <summary>
/// The whole engine for the end-to-end tests, once per run: PostgreSQL (a private cluster, or SYKEFRAVAER_TEST_POSTGRES),
/// Temporal (the offline server with time skipping, or what TEMPORAL_TEST_SERVER names), a real worker running the
/// case workflow and its PostgreSQL activities, and the API in memory in front of them.
/// </summary>
public sealed class ApiEngine : IAsyncLifetime
{
    private readonly CancellationTokenSource _stopWorker = new();
    private TestPostgres? _postgres;
    private TestPostgresDatabase? _database;
    private TemporalTestServer? _temporal;
    private ITemporalClient? _client;
    private Task? _worker;
    private ApiFactory? _api;
    private readonly ILoggerFactory _workerLogging;

    public ApiEngine() =>
        _workerLogging = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));

    public CapturedLogs Logs { get; } = new();

    public string TaskQueue { get; } = $"api-tests-{Guid.NewGuid():N}";

    public TestPostgresDatabase Database => _database ?? throw NotStarted();

    /// <summary>A client of the test server with the API's data converter: it reads what the API encrypted.</summary>
    public ITemporalClient Temporal => _client ?? throw NotStarted();

    public ApiFactory Api => _api ?? throw NotStarted();

    public PersonPseudonym Pseudonym { get; } = new(ApiFactory.PseudonymKey);

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.StartAsync();
        _database = await _postgres.CreateDatabaseAsync();
        await SchemaMigrator.MigrateAsync(_database.DataSource);
        _temporal = await TemporalTestServer.StartAsync();
        _client = await TemporalClient.ConnectAsync(new(_temporal.Client.Connection.Options.TargetHost!)
        {
            Namespace = _temporal.Client.Options.Namespace,
            DataConverter = CaseDataConverter.With(ApiFactory.KeyRing),
        });

        var loggerFactory = _workerLogging;
        var worker = new TemporalWorker(
            _client,
            new TemporalWorkerOptions(TaskQueue) { LoggerFactory = loggerFactory }
                .AddWorkflow<OppfolgingstilfelleWorkflow>()
                .AddAllActivities(new CaseActivities(new PostgresCaseEffects(_database.DataSource))));
        _worker = worker.ExecuteAsync(_stopWorker.Token);

        _api = new ApiFactory(SettingsFor(TemporalAddress), Logs);
        _ = _api.Server; // start it now: migrations and configuration errors surface here, not in the first test
    }

    /// <summary>The API's settings with another Temporal address (e.g. one where nothing listens).</summary>
    public Dictionary<string, string?> SettingsFor(string temporalAddress) =>
        ApiFactory.Settings(temporalAddress, Temporal.Options.Namespace, TaskQueue, Database.ConnectionString);

    public string TemporalAddress => Temporal.Connection.Options.TargetHost!;

    public string WorkflowIdOf(string fnr) => CaseWorkflowIds.ForPerson(Pseudonym.Of(Domain.Input.Fodselsnummer.Parse(fnr)));

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        await _stopWorker.CancelAsync();
        if (_worker is not null)
        {
            try
            {
                await _worker;
            }
            catch (OperationCanceledException)
            {
                // stopped as asked
            }
        }

        if (_temporal is not null)
        {
            await _temporal.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _stopWorker.Dispose();
        _workerLogging.Dispose();
    }

    private static InvalidOperationException NotStarted() => new("The engine has not started.");
}

/// <summary>One engine for every test class: starting PostgreSQL and Temporal takes seconds.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<ApiEngine>
{
    public const string Name = "Engine";
}
