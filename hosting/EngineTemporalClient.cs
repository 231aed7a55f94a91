using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sykefravaer.Hosting.Tracing;
using Temporalio.Client;
using Temporalio.Converters;
using Temporalio.Runtime;

namespace Sykefravaer.Hosting;

/// <summary>The host's Temporal client: lazy, so the process starts (and answers reads and its probes) while
/// Temporal is down and connects when it is up; on the process's one runtime (its metrics on <c>/metrics</c>) and with
/// the engine's data converter (encrypted payloads), and traced (<see cref="TracingInterceptor"/>).</summary>
public static class EngineTemporalClient
{
    public static ITemporalClient CreateLazy(IServiceProvider services, string address, string temporalNamespace)
    {
        ArgumentNullException.ThrowIfNull(services);
        return TemporalClient.CreateLazy(new TemporalClientConnectOptions(address)
        {
            Namespace = temporalNamespace,
            LoggerFactory = services.GetRequiredService<ILoggerFactory>(),
            Runtime = services.GetRequiredService<TemporalRuntime>(),
            DataConverter = services.GetRequiredService<DataConverter>(),
            // Also traces the workers made from this client.
            Interceptors = [new TracingInterceptor()],
        });
    }
}
