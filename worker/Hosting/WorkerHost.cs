using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sykefravaer.Embedded;
using Sykefravaer.Hosting;

namespace Sykefravaer.Worker.Hosting;

/// <summary>The long-running worker process: case workflows and their activities on one task queue.</summary>
public static class WorkerHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
        var logger = loggerFactory.CreateLogger("Sykefravaer.Worker");

        await using var dependencies = await EmbeddedDependencies
            .StartAsync(EngineSettings.From(builder.Configuration), logger, CancellationToken.None)
            .ConfigureAwait(false);
        var settings = dependencies.Settings;

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = CaseWorkerServices.GracefulShutdown + TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(settings.ConnectionString!));
        builder.Services.AddSingleton(new SchemaMigrationSettings(MigrateOnStart: true));
        builder.Services.AddHostedService<SchemaMigrationService>();
        builder.Services.AddCaseWorker(settings);

        using var host = builder.Build();
        logger.LogInformation(
            "Worker polling task queue {TaskQueue} on Temporal {Address}, namespace {Namespace}",
            settings.TaskQueue, settings.TemporalAddress, settings.TemporalNamespace);
        await host.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
