using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Sykefravaer.OfflineTemporal.Hosting;

/// <summary>A gRPC service exposed by this server, identified by the descriptor Temporalio.dll exports for it.</summary>
internal interface IGrpcEndpoint
{
    static abstract ServiceDescriptor Service { get; }
}

/// <summary>temporal.api.workflowservice.v1.WorkflowService: the frontend every SDK client and worker talks to.</summary>
internal sealed class WorkflowServiceEndpoint : IGrpcEndpoint
{
    public static ServiceDescriptor Service =>
        Temporalio.Api.WorkflowService.V1.ServiceReflection.Descriptor.Services[0];
}

/// <summary>temporal.api.testservice.v1.TestService: time-skipping control, served by Temporal's test server.</summary>
internal sealed class TestServiceEndpoint : IGrpcEndpoint
{
    public static ServiceDescriptor Service =>
        Temporalio.Api.TestService.V1.ServiceReflection.Descriptor.Services[0];
}

/// <summary>temporal.api.operatorservice.v1.OperatorService: search attribute administration.</summary>
internal sealed class OperatorServiceEndpoint : IGrpcEndpoint
{
    public static ServiceDescriptor Service =>
        Temporalio.Api.OperatorService.V1.ServiceReflection.Descriptor.Services[0];
}
