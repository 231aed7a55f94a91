using Microsoft.Extensions.Options;
using Sykefravaer.Persistence.Postgres.Audit;

namespace Sykefravaer.Api.Access;

/// <summary>The per-person access check and the audit trail of reads, from <c>Access__*</c>; the API does not start
/// without an access service to ask (in Development the host starts one on loopback, see ApiHost), nor with a token
/// exchange endpoint but no target audience (<c>Access__TokenExchange__*</c>).</summary>
public static class AccessServices
{
    public static IServiceCollection AddPersonAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessSettings>().BindConfiguration(AccessSettings.Section)
            .PostConfigure<IConfiguration>(DefaultExchangeEndpoint)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessSettings>, AccessSettingsValidation>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<AccessSettings>>().Value);
        services.AddSingleton<AccessDecisionCache>();
        services.AddSingleton<ExchangedTokenCache>();
        services.AddHttpClient<TokenExchangeClient>();
        services.AddTransient<AccessAuthorization>();
        services.AddHttpClient<PersonAccessClient>();
        services.AddSingleton<ReadAudit>();
        // Transient like the typed client it holds, so the client's handler is renewed as the factory intends.
        services.AddTransient<PersonReadGate>();
        services.AddExceptionHandler<PersonReadUnavailableHandler>();
        return services;
    }

    // On NAIS the platform, not the manifest, says where its token exchange is: Access__TokenExchange__Endpoint wins
    // when set (a test, another platform), else NAIS_TOKEN_EXCHANGE_ENDPOINT.
    private static void DefaultExchangeEndpoint(AccessSettings settings, IConfiguration configuration)
    {
        if (settings.TokenExchange.Endpoint is null
            && configuration[TokenExchangeSettings.NaisEndpointVariable] is { Length: > 0 } nais
            && Uri.TryCreate(nais, UriKind.RelativeOrAbsolute, out var endpoint))
        {
            settings.TokenExchange.Endpoint = endpoint;
        }
    }

    private sealed class AccessSettingsValidation : IValidateOptions<AccessSettings>
    {
        public ValidateOptionsResult Validate(string? name, AccessSettings options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
