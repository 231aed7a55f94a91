using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sykefravaer.Embedded;
using Sykefravaer.Hosting;
using Sykefravaer.Hosting.Telemetry;

namespace Sykefravaer.Worker.Hosting;

/// <summary>The long-running worker process: case workflows and their activities on one task queue, and the
/// operational endpoints (<c>/metrics</c>, <c>/internal/isalive</c>, <c>/internal/isready</c>) on
/// <see cref="DefaultUrl"/> unless <c>ASPNETCORE_URLS</c> / <c>ASPNETCORE_HTTP_PORTS</c> say otherwise (the
/// container image listens on 8080, as NAIS expects).</summary>
public static class WorkerHost
{
    /// <summary>Beside the API's default port, so that both run on one machine without configuration.</summary>
    public const string DefaultUrl = "http://localhost:5081";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && string.IsNullOrWhiteSpace(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

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

        await using var host = builder.Build();
        host.MapEngineOperations();
        logger.LogInformation(
            "Worker polling task queue {TaskQueue} on Temporal {Address}, namespace {Namespace}",
            settings.TaskQueue, settings.TemporalAddress, settings.TemporalNamespace);
        await host.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
