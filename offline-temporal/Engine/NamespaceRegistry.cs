using System.Collections.Concurrent;
using Grpc.Core;

namespace Sykefravaer.OfflineTemporal.Engine;

/// <summary>
/// Which namespaces exist. The dev server knows only "default" and those named on its command line or registered
/// later; Temporal's test server accepts any namespace, so in time-skipping mode every name is welcome.
/// </summary>
internal sealed class NamespaceRegistry(IEnumerable<string> initial, bool acceptAny)
{
    private readonly ConcurrentDictionary<string, string> ids =
        new(initial.Select(name => KeyValuePair.Create(name, IdFor(name))));

    public string IdOf(string name)
    {
        if (acceptAny)
        {
            return ids.GetOrAdd(name, _ => IdFor(name));
        }
        return ids.TryGetValue(name, out var id)
            ? id
            : throw new RpcException(new Status(StatusCode.NotFound, $"Namespace {name} is not found."));
    }

    /// <returns>False if it already existed.</returns>
    public bool Register(string name) => ids.TryAdd(name, IdFor(name));

    // Derived from the name, so a namespace keeps its id across restarts of a durable server.
    private static string IdFor(string name) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16)).ToString();

    public IReadOnlyCollection<string> Names => ids.Keys.ToList();
}
