using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sykefravaer.Activities;
using Sykefravaer.Activities.Effects;
using Sykefravaer.Hosting.Encryption;
using Sykefravaer.Hosting.Outbox;
using Sykefravaer.Hosting.Telemetry;
using Sykefravaer.Hosting.Tracing;
using Sykefravaer.Persistence.Postgres;
using Sykefravaer.Persistence.Postgres.Reconciliation;
using Sykefravaer.Persistence.Postgres.Retention;
using Sykefravaer.Workflows;
using Temporalio.Client;
using Temporalio.Converters;
using Temporalio.Extensions.Hosting;
using Temporalio.Runtime;

namespace Sykefravaer.Hosting;

/// <summary>The case worker as hosted services: case workflows and their activities on one task queue, the retention
/// sweep (<see cref="RetentionService"/>), the reconciliation sweep (<see cref="ReconciliationService"/>) and the notice
/// publisher (<see cref="Outbox.OutboxPublisherService"/>), writing through the host's one <see cref="Npgsql.NpgsqlDataSource"/>. Used by
/// the worker process and by the API's one-command run.</summary>
public static class CaseWorkerServices
{
    /// <summary>How long a stopping worker lets running activities finish before it cancels them.</summary>
    public static readonly TimeSpan GracefulShutdown = TimeSpan.FromSeconds(20);

    public static IServiceCollection AddCaseWorker(this IServiceCollection services, EngineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton<ICaseEffects, PostgresCaseEffects>();
        services
            .AddHostedTemporalWorker(
                settings.TemporalAddress ?? throw new InvalidOperationException("No Temporal address to run the worker against."),
                settings.TemporalNamespace,
                settings.TaskQueue)
            .ConfigureOptions(o =>
            {
                o.GracefulShutdownTimeout = GracefulShutdown;
                o.MaxCachedWorkflows = settings.MaxCachedWorkflows;
            })
            .AddScopedActivities<CaseActivities>()
            .AddWorkflow<OppfolgingstilfelleWorkflow>()
            .ConfigureOptions()
            .Configure<TemporalRuntime, DataConverter>((options, runtime, dataConverter) =>
            {
                options.ClientOptions!.Runtime = runtime;
                options.ClientOptions.DataConverter = dataConverter;
                options.Interceptors = [new TracingInterceptor()];
            });
        services.AddCaseDataConverter();

        // /metrics and the probes. The readiness check and the reconciliation sweep ask Temporal through the host's
        // client, registered here unless the host has one (the API does).
        services.AddEngineTelemetry();
        services.TryAddSingleton(provider => EngineTemporalClient.CreateLazy(
            provider, settings.TemporalAddress ?? throw new InvalidOperationException("No Temporal address."), settings.TemporalNamespace));

        // The retention sweep runs with the worker, so every deployment that keeps case data also deletes it. Its
        // settings are read when first resolved: a host may add configuration after this call.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => RetentionSettings.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<CaseDataRetention>();
        services.AddHostedService<RetentionService>();

        // The reconciliation sweep: open cases whose workflow is gone are marked for the operators, not left open.
        services.AddSingleton(provider => ReconciliationSettings.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<CaseAttention>();
        services.AddHostedService(provider => new ReconciliationService(
            provider.GetRequiredService<CaseAttention>(),
            provider.GetRequiredService<ReconciliationSettings>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<EngineMetrics>(),
            provider.GetRequiredService<ITemporalClient>(),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));

        // The notice publisher: what the activities wrote to the outbox reaches its receiver (Outbox__*).
        services.AddNoticeOutbox(settings.DataFolder);
        return services;
    }
}
