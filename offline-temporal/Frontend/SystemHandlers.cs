using Sykefravaer.OfflineTemporal.Engine.Persistence;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Namespace.V1;
using Temporalio.Api.WorkflowService.V1;
using Sykefravaer.OfflineTemporal.Engine;
using Sykefravaer.OfflineTemporal.Hosting;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>Server and namespace information: what clients ask when they connect and workers when they start.</summary>
internal sealed class SystemHandlers(TemporalEngine engine) : IRpcHandlers
{
    public void Register(RpcRouteTable routes)
    {
        var service = WorkflowServiceEndpoint.Service;
        routes.Add<GetSystemInfoRequest, GetSystemInfoResponse>(service, "GetSystemInfo", (_, _) => Task.FromResult(SystemInfo()));
        routes.Add<DescribeNamespaceRequest, DescribeNamespaceResponse>(service, "DescribeNamespace", (request, _) => Task.FromResult(Describe(request.Namespace)));
        routes.Add<RegisterNamespaceRequest, RegisterNamespaceResponse>(service, "RegisterNamespace", (request, _) => Task.FromResult(RegisterNamespace(request)));
        routes.Add<ListNamespacesRequest, ListNamespacesResponse>(service, "ListNamespaces", (_, _) => Task.FromResult(ListNamespaces()));
        routes.Add<GetClusterInfoRequest, GetClusterInfoResponse>(service, "GetClusterInfo", (_, _) => Task.FromResult(new GetClusterInfoResponse
        {
            ClusterName = "offline",
            ClusterId = "offline-temporal",
            ServerVersion = ServerVersion,
            HistoryShardCount = 1,
            PersistenceStore = "memory",
            VisibilityStore = "memory",
        }));
        routes.Add<GetSearchAttributesRequest, GetSearchAttributesResponse>(service, "GetSearchAttributes", (_, _) =>
        {
            var response = new GetSearchAttributesResponse();
            foreach (var (name, type) in engine.SearchAttributes.System.Concat(engine.SearchAttributes.Custom))
            {
                response.Keys[name] = type;
            }
            return Task.FromResult(response);
        });
    }

    private const string ServerVersion = "1.27.0-offline";

    private static GetSystemInfoResponse SystemInfo() => new()
    {
        ServerVersion = ServerVersion,
        Capabilities = new GetSystemInfoResponse.Types.Capabilities
        {
            SignalAndQueryHeader = true,
            InternalErrorDifferentiation = true,
            ActivityFailureIncludeHeartbeat = true,
            EncodedFailureAttributes = true,
            UpsertMemo = true,
            SdkMetadata = true,
            CountGroupByExecutionStatus = true,
        },
    };

    private DescribeNamespaceResponse Describe(string name) => new()
    {
        NamespaceInfo = new NamespaceInfo
        {
            Name = name,
            Id = engine.Namespaces.IdOf(name),
            State = NamespaceState.Registered,
            Capabilities = new NamespaceInfo.Types.Capabilities { SyncUpdate = true, AsyncUpdate = true },
        },
        Config = new NamespaceConfig { WorkflowExecutionRetentionTtl = Duration.FromTimeSpan(TimeSpan.FromDays(1)) },
    };

    private RegisterNamespaceResponse RegisterNamespace(RegisterNamespaceRequest request)
    {
        if (!engine.Namespaces.Register(request.Namespace))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, "Namespace already exists."));
        }
        Registrations.NamespaceRegistered(engine, request.Namespace);
        return new RegisterNamespaceResponse();
    }

    private ListNamespacesResponse ListNamespaces()
    {
        var response = new ListNamespacesResponse();
        response.Namespaces.AddRange(engine.Namespaces.Names.Select(Describe));
        return response;
    }
}
