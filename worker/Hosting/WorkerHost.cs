using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sykefravaer.Embedded;
using Sykefravaer.Hosting;
using Sykefravaer.Hosting.Outbox;
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

        // Servers of its own only when asked (the launch profile of `dotnet run --project worker` asks), never in
        // Production: a deployed worker whose Temporal address or database is missing must not quietly keep its
        // cases in a private PostgreSQL and an offline Temporal.
        var configured = EngineSettings.From(builder.Configuration);
        var embedded = builder.Configuration.GetValue<bool>("Engine:Embedded");
        if (EmbeddingRefusal(embedded, builder.Environment, configured) is { } refusal)
        {
            logger.LogCritical("The worker does not start: {Reason}", refusal);
            return 2;
        }

        // Read here, before anything starts, so that a bad Outbox__ value (or a deployment with no receiver for its
        // notices) is one clear line and exit code 2 rather than an exception from the host's start.
        try
        {
            _ = OutboxSettings.From(builder.Configuration, builder.Environment, configured.DataFolder);
        }
        catch (InvalidOperationException e)
        {
            logger.LogCritical("The worker does not start: {Reason}", e.Message);
            return 2;
        }

        await using var dependencies = embedded
            ? await EmbeddedDependencies.StartAsync(configured, logger, CancellationToken.None).ConfigureAwait(false)
            : null;
        var settings = dependencies?.Settings ?? configured;

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

    private static string? EmbeddingRefusal(bool embedded, IHostEnvironment environment, EngineSettings configured) =>
        embedded && environment.IsProduction()
            ? "Engine__Embedded=true is for a developer's machine and refused in Production; configure Temporal__Address and ConnectionStrings__Sykefravaer."
            : !embedded && (configured.TemporalAddress is null || configured.ConnectionString is null)
                ? "Temporal__Address and ConnectionStrings__Sykefravaer must both be set (or Engine__Embedded=true on a developer's machine, which starts what is missing)."
                : null;
}
