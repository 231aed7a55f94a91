using System.Buffers;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace Sykefravaer.OfflineTemporal.Hosting;

/// <summary>
/// Registers every method of a protobuf service descriptor with ASP.NET Core gRPC, without generated service base
/// classes. ASP.NET Core's own binding finds methods by name on a generated base class; the Temporal API has none in
/// Temporalio.dll (only messages and descriptors), so this provider builds each <see cref="Method{TRequest,TResponse}"/>
/// from the descriptor and routes it through <see cref="RpcRouteTable"/>.
/// </summary>
/// <typeparam name="TEndpoint">The marker type that ASP.NET Core maps as one gRPC service.</typeparam>
internal sealed class DescriptorServiceMethodProvider<TEndpoint>(RpcRouteTable routes) : IServiceMethodProvider<TEndpoint>
    where TEndpoint : class, IGrpcEndpoint
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TEndpoint> context)
    {
        foreach (var descriptor in TEndpoint.Service.Methods)
        {
            var method = new Method<IMessage, IMessage>(
                MethodType.Unary,
                descriptor.Service.FullName,
                descriptor.Name,
                MarshallerFor(descriptor.InputType.Parser),
                MarshallerFor(descriptor.OutputType.Parser));
            var handler = routes.Resolve(descriptor);
            context.AddUnaryMethod(method, [], (_, request, callContext) => handler(request, callContext));
        }
    }

    private static Marshaller<IMessage> MarshallerFor(MessageParser parser) =>
        Marshallers.Create<IMessage>(
            (message, serialization) =>
            {
                serialization.SetPayloadLength(message.CalculateSize());
                message.WriteTo(serialization.GetBufferWriter());
                serialization.Complete();
            },
            deserialization => parser.ParseFrom(deserialization.PayloadAsReadOnlySequence()));
}
