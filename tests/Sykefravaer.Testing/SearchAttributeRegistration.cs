using Temporalio.Api.OperatorService.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;

namespace Sykefravaer.Testing;

/// <summary>Registers custom search attributes on a server that was not started with them (a dev server gets them
/// on its command line instead), so a workflow's upsert of them is not refused.</summary>
internal static class SearchAttributeRegistration
{
    public static async Task RegisterAsync(ITemporalClient client, IReadOnlyCollection<SearchAttributeKey> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var request = new AddSearchAttributesRequest { Namespace = client.Options.Namespace };
        foreach (var key in keys)
        {
            request.SearchAttributes[key.Name] = key.ValueType;
        }

        try
        {
            await client.Connection.OperatorService.AddSearchAttributesAsync(request).ConfigureAwait(false);
        }
        catch (RpcException error) when (error.Code is RpcException.StatusCode.AlreadyExists or RpcException.StatusCode.Unimplemented)
        {
            // Already there from an earlier run, or a server (Temporal's Java test server) that does not check them.
        }
    }
}
