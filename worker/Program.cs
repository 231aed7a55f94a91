// The worker host is filled in by the case-engine issue; until then it only proves the host builds and starts.
using Microsoft.Extensions.Hosting;

using var host = Host.CreateApplicationBuilder(args).Build();
await host.StartAsync().ConfigureAwait(false);
await host.StopAsync().ConfigureAwait(false);
