using Google.Protobuf;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Core;

namespace Sykefravaer.OfflineTemporal.Hosting;

/// <summary>A unary gRPC handler that works on messages of any type; the route table checks the types once.</summary>
internal delegate Task<IMessage> UntypedRpcHandler(IMessage request, ServerCallContext context);

/// <summary>
/// Which handler answers which gRPC method. Handlers register by method name against the service descriptors that
/// Temporalio.dll exports; every method of those services that has no handler is refused with
/// <see cref="StatusCode.Unimplemented"/>, naming the method, so that nothing unimplemented is ever answered with a
/// plausible default.
/// </summary>
internal sealed class RpcRouteTable
{
    private readonly Dictionary<string, UntypedRpcHandler> handlers = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="handler"/> for <paramref name="service"/>/<paramref name="methodName"/>.</summary>
    public void Add<TRequest, TResponse>(
        ServiceDescriptor service, string methodName, Func<TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage
        where TResponse : class, IMessage
    {
        var method = service.FindMethodByName(methodName)
            ?? throw new InvalidOperationException($"{service.FullName} has no method {methodName}");
        if (method.InputType.ClrType != typeof(TRequest) || method.OutputType.ClrType != typeof(TResponse))
        {
            throw new InvalidOperationException(
                $"{method.FullName} takes {method.InputType.ClrType.Name} and returns {method.OutputType.ClrType.Name}");
        }
        if (!handlers.TryAdd(FullName(method), async (request, context) => await handler((TRequest)request, context).ConfigureAwait(false)))
        {
            throw new InvalidOperationException($"{method.FullName} is registered twice");
        }
    }

    /// <summary>The handler for <paramref name="method"/>, or one that refuses the call as unimplemented.</summary>
    public UntypedRpcHandler Resolve(MethodDescriptor method) =>
        handlers.TryGetValue(FullName(method), out var handler)
            ? handler
            : (_, _) => throw new RpcException(new Status(
                StatusCode.Unimplemented,
                $"{method.Service.Name}.{method.Name} is not implemented by the offline Temporal server"));

    private static string FullName(MethodDescriptor method) => method.Service.FullName + "/" + method.Name;
}
