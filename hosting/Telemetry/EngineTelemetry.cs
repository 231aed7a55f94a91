using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Sykefravaer.Hosting.Tracing;
using Sykefravaer.Persistence.Reads;
using Temporalio.Runtime;

namespace Sykefravaer.Hosting.Telemetry;

/// <summary>
/// What NAV's platform expects of every process, the API and the worker alike: <c>/metrics</c> in Prometheus format
/// (the engine's <c>sykefravaer_*</c> and Temporal's <c>temporal_*</c>), <c>/internal/isalive</c> and
/// <c>/internal/isready</c> (ready = PostgreSQL and Temporal answer).
/// </summary>
public static class EngineTelemetry
{
    /// <summary>The logging category of the SDK's Core logs (<c>Telemetry__CoreLogLevel</c> chooses how much).</summary>
    public const string CoreLogCategory = "Temporalio.Core";

    public const string MetricsPath = "/metrics";
    public const string AlivePath = "/internal/isalive";
    public const string ReadyPath = "/internal/isready";

    /// <summary>Registers it all once, however many parts of a host ask (the one-command engine is API and worker).</summary>
    public static IServiceCollection AddEngineTelemetry(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(EngineMetrics)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => TelemetrySettings.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<EngineMetrics>();
        services.TryAddSingleton<OperationalGauges>();
        services.TryAddSingleton<OperationalCounts>();
        services.AddHostedService<OperationalSnapshotService>();

        // One Temporal runtime per process, for the API's client and the worker's alike: Core's metrics then go to
        // this process's meter, whichever client or worker made them.
        services.TryAddSingleton<TemporalMetricsBridge>();
        services.TryAddSingleton(provider => new TemporalRuntime(new TemporalRuntimeOptions
        {
            Telemetry = new TelemetryOptions
            {
                // Core's own logs go through the host's logging (its format, its filters) rather than to standard
                // output in Core's coloured text, where they would break a JSON log stream.
                Logging = new LoggingOptions(new TelemetryFilterOptions(
                    core: provider.GetRequiredService<TelemetrySettings>().CoreLogLevel, other: TelemetryFilterOptions.Level.Error))
                {
                    Forwarding = new LogForwardingOptions(provider.GetRequiredService<ILoggerFactory>().CreateLogger(CoreLogCategory)),
                },
                Metrics = new MetricsOptions
                {
                    CustomMetricMeter = provider.GetRequiredService<TemporalMetricsBridge>(),
                    CustomMetricMeterOptions = new CustomMetricMeterOptions
                    {
                        HistogramDurationFormat = CustomMetricMeterOptions.DurationFormat.FloatSeconds,
                    },
                },
            },
        }));

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            // ASP.NET Core's own meter: requests by route and status, so also what is refused before an endpoint runs
            // (415 for a body that is not JSON).
            .AddMeter(EngineMetrics.MeterName, TemporalMetricsBridge.MeterName, "Microsoft.AspNetCore.Hosting")
            .AddHostMeterView()
            // Every scrape sees the figures of that moment (the exporter would otherwise answer a scrape within
            // 300 ms of the last from its cache); Prometheus scrapes every few seconds at most, so nothing is saved.
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));

        // Traces: the HTTP request, the Temporal calls it makes (the tracing interceptor), the workflow's signal, the
        // activity and its PostgreSQL statements, in one trace. Exported by OTLP where the platform says where
        // (OTEL_EXPORTER_OTLP_ENDPOINT, as NAIS sets it); otherwise made only for a listener in the process (tests).
        services.AddOpenTelemetry().WithTracing(tracing =>
        {
            tracing
                .AddSource([.. EngineTracing.SourceNames])
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !IsOperational(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql();
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
            {
                tracing.AddOtlpExporter();
            }
        });

        services.AddHealthChecks()
            .AddCheck<PostgresReadiness>("postgresql", tags: [ReadyTag])
            .AddCheck<TemporalReadiness>("temporal", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps the three endpoints, open to anonymous callers as the platform's scraper and probes are: they
    /// carry counts and states, never a person's data.</summary>
    public static IEndpointRouteBuilder MapEngineOperations(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        routes.MapGet(AlivePath, () => Results.Text("alive")).AllowAnonymous().ExcludeFromDescription();
        routes.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
            ResponseWriter = ReadinessResponse.WriteAsync,
        }).AllowAnonymous();
        return routes;
    }

    private const string ReadyTag = "ready";

    // Probes and scrapes every few seconds would drown the traces that matter.
    private static bool IsOperational(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/internal") || path.StartsWithSegments("/health");
}
