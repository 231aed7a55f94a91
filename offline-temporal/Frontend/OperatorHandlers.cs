using Sykefravaer.OfflineTemporal.Engine.Persistence;
using Temporalio.Api.OperatorService.V1;
using Sykefravaer.OfflineTemporal.Engine;
using Sykefravaer.OfflineTemporal.Hosting;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>The search attribute part of the OperatorService: list, add and remove custom attributes.</summary>
internal sealed class OperatorHandlers(TemporalEngine engine) : IRpcHandlers
{
    public void Register(RpcRouteTable routes)
    {
        var service = OperatorServiceEndpoint.Service;
        routes.Add<ListSearchAttributesRequest, ListSearchAttributesResponse>(service, "ListSearchAttributes", (_, _) =>
        {
            var response = new ListSearchAttributesResponse();
            foreach (var (name, type) in engine.SearchAttributes.System)
            {
                response.SystemAttributes[name] = type;
            }
            foreach (var (name, type) in engine.SearchAttributes.Custom)
            {
                response.CustomAttributes[name] = type;
            }
            return Task.FromResult(response);
        });
        routes.Add<AddSearchAttributesRequest, AddSearchAttributesResponse>(service, "AddSearchAttributes", (request, _) =>
        {
            foreach (var (name, type) in request.SearchAttributes)
            {
                try
                {
                    engine.SearchAttributes.Add(name, type);
                    Registrations.SearchAttributeAdded(engine, name, type);
                }
                catch (ArgumentException error)
                {
                    throw RpcErrors.InvalidArgument(error.Message);
                }
            }
            return Task.FromResult(new AddSearchAttributesResponse());
        });
        routes.Add<RemoveSearchAttributesRequest, RemoveSearchAttributesResponse>(service, "RemoveSearchAttributes", (request, _) =>
        {
            foreach (var name in request.SearchAttributes)
            {
                if (!engine.SearchAttributes.Remove(name))
                {
                    throw RpcErrors.InvalidArgument($"Search attribute {name} doesn't exist.");
                }
                Registrations.SearchAttributeRemoved(engine, name);
            }
            return Task.FromResult(new RemoveSearchAttributesResponse());
        });
    }
}
