using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sykefravaer.Activities;
using Sykefravaer.Activities.Effects;
using Sykefravaer.Activities.Postgres;
using Sykefravaer.Workflows;
using Temporalio.Extensions.Hosting;

namespace Sykefravaer.Worker.Hosting;

/// <summary>The long-running worker: case workflows and their activities on one task queue.</summary>
public static class WorkerHost
{
    /// <summary>How long a stopping worker lets running activities finish before it cancels them.</summary>
    private static readonly TimeSpan GracefulShutdown = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
        var logger = loggerFactory.CreateLogger("Sykefravaer.Worker");

        await using var dependencies = await EmbeddedDependencies
            .StartAsync(EngineSettings.From(builder.Configuration), logger, CancellationToken.None)
            .ConfigureAwait(false);
        var settings = dependencies.Settings;

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = GracefulShutdown + TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(settings.ConnectionString!));
        builder.Services.AddHostedService<SchemaMigrationService>();
        builder.Services.AddSingleton<ICaseEffects, PostgresCaseEffects>();
        builder.Services
            .AddHostedTemporalWorker(settings.TemporalAddress!, settings.TemporalNamespace, settings.TaskQueue)
            .ConfigureOptions(o => o.GracefulShutdownTimeout = GracefulShutdown)
            .AddScopedActivities<CaseActivities>()
            .AddWorkflow<OppfolgingstilfelleWorkflow>();

        using var host = builder.Build();
        logger.LogInformation(
            "Worker polling task queue {TaskQueue} on Temporal {Address}, namespace {Namespace}",
            settings.TaskQueue, settings.TemporalAddress, settings.TemporalNamespace);
        await host.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
