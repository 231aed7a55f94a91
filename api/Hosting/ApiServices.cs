using Microsoft.Extensions.Options;
using Npgsql;
using Sykefravaer.Api.Access;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Codec;
using Sykefravaer.Api.Ingestion;
using Sykefravaer.Api.OpenApi;
using Sykefravaer.Api.RateLimiting;
using Sykefravaer.Api.Reads;
using Sykefravaer.Api.Validation;
using Sykefravaer.Api.Veileder;
using Sykefravaer.Domain.Privacy;
using Sykefravaer.Hosting;
using Sykefravaer.Hosting.Encryption;
using Sykefravaer.Hosting.Telemetry;
using Sykefravaer.Persistence.Postgres;
using Sykefravaer.Persistence.Postgres.Audit;
using Sykefravaer.Persistence.Reads;
using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Api.Hosting;

/// <summary>Everything the API needs, from configuration: Temporal (<c>Temporal__*</c>), PostgreSQL
/// (<c>ConnectionStrings__Sykefravaer</c>), the rule set of new cases (<c>Cases__RuleSet</c>), the pseudonym key (<c>Pseudonym__Key</c>), authentication (<c>Auth__*</c>) and
/// the rate limits (<c>RateLimits__*</c>).</summary>
public static class ApiServices
{
    public static IServiceCollection AddSykefravaerApi(this IServiceCollection services)
    {
        // Settings are read when first resolved, not here: hosts (and tests) may add configuration after this call.
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddOptions<TemporalSettings>().BindConfiguration(TemporalSettings.Section);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ApiOptions>>().Value);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<TemporalSettings>>().Value);
        services.AddOptions<NewCaseSettings>().BindConfiguration(NewCaseSettings.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NewCaseSettings>, NewCaseSettings.Validation>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<NewCaseSettings>>().Value);
        services.AddSingleton(provider => new JsonBodyReader(provider.GetRequiredService<ApiOptions>().MaxBodyBytes));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new PersonPseudonym(
            provider.GetRequiredService<IConfiguration>()["Pseudonym:Key"] ?? string.Empty));

        // One data source (one pool) for the whole API.
        services.AddSingleton(provider => NpgsqlDataSource.Create(ConnectionString(provider.GetRequiredService<IConfiguration>())));
        services.AddSingleton<CaseProjectionReader>();
        services.AddSingleton<ClosedTilfelleReader>();
        services.AddSingleton<Sykefravaer.Persistence.Postgres.Reconciliation.CaseAttention>();
        services.AddSingleton<WorkList>();
        services.AddPersonAccess();
        services.AddRazorComponents();
        services.AddVeilederSession();
        services.AddEntraSignIn();
        services.AddSingleton<AcceptedEvents>();
        services.AddSingleton<CodecAudit>();
        services.AddOptions<CodecOptions>().BindConfiguration(CodecOptions.Section);
        services.AddCors();
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>, CodecCors>();
        services.AddSingleton(provider => new SchemaMigrationSettings(provider.GetRequiredService<ApiOptions>().MigrateDatabase));
        services.AddHostedService<SchemaMigrationService>();

        // Lazy: the API starts (and answers reads, and 503 for events) while Temporal is down, and connects when it is up.
        services.AddSingleton(provider =>
        {
            var temporal = provider.GetRequiredService<TemporalSettings>();
            return EngineTemporalClient.CreateLazy(provider, temporal.Address, temporal.Namespace);
        });
        services.AddSingleton<CaseWorkflowSignaller>();
        services.AddSingleton<EventIngestion>();

        services.AddEngineTelemetry();
        services.AddCaseDataConverter();
        services.AddApiAuthentication();
        services.AddApiRateLimits();
        services.AddHostedService<ProductionGuards>();
        services.ConfigureHttpJsonOptions(options => ContractJson.Apply(options.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        return services;
    }

    private static string ConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Sykefravaer");
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException("ConnectionStrings__Sykefravaer is not configured.")
            : connectionString;
    }
}
