using Microsoft.Extensions.Hosting;
using Sykefravaer.Workflows.DataConversion;

namespace Sykefravaer.Hosting.Encryption;

/// <summary>Reads the key ring as the host starts, so that a missing or refused key stops the start-up with its
/// message, not the first event an hour later.</summary>
internal sealed class KeyRingStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService(typeof(EncryptionKeyRing));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
