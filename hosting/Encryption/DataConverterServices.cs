using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sykefravaer.Workflows.DataConversion;
using Temporalio.Converters;

namespace Sykefravaer.Hosting.Encryption;

/// <summary>The engine's one <see cref="DataConverter"/> (<see cref="CaseDataConverter"/>) in the container, for
/// every Temporal client and worker of the host.</summary>
public static class DataConverterServices
{
    public static IServiceCollection AddCaseDataConverter(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => EncryptionSettings.KeyRingFrom(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>().IsDevelopment()));
        services.TryAddSingleton(provider => CaseDataConverter.With(provider.GetRequiredService<EncryptionKeyRing>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, KeyRingStartupCheck>());
        return services;
    }
}
