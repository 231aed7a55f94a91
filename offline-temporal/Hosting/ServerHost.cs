using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Grpc.AspNetCore.Server.Model;
using Sykefravaer.OfflineTemporal.Engine;
using Sykefravaer.OfflineTemporal.Engine.Persistence;
using Sykefravaer.OfflineTemporal.Frontend;

namespace Sykefravaer.OfflineTemporal.Hosting;

/// <summary>Builds the ASP.NET Core gRPC host around a <see cref="TemporalEngine"/>.</summary>
internal static class ServerHost
{
    public static WebApplication Build(ServerSettings settings)
    {
        // Its own folder as content root: started by a host (the API, the worker), it must not read that host's
        // appsettings from the working directory it inherits.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        // The server's own few lines (what a durable start restored, a parent gone) are worth reading.
        builder.Logging.AddFilter("temporal-test-server", LogLevel.Information);
        builder.Logging.AddFilter(typeof(ParentProcessWatch).FullName, LogLevel.Information);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The SDK's core multiplexes every long poll of every worker over one HTTP/2 connection.
            kestrel.Limits.Http2.MaxStreamsPerConnection = 10_000;
            kestrel.Limits.MaxRequestBodySize = null;
            if (settings.Address is null)
            {
                kestrel.ListenLocalhost(settings.Port, listen => listen.Protocols = HttpProtocols.Http2);
            }
            else
            {
                kestrel.Listen(settings.Address, settings.Port, listen => listen.Protocols = HttpProtocols.Http2);
            }
        });

        var services = builder.Services;
        services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        services.AddSingleton(_ => new TemporalEngine(
            settings.TimeSkipping,
            settings.Namespaces,
            settings.SearchAttributes,
            settings.DbFilename is { } file ? DurableStore.Open(file, settings.SqlitePragmas ?? new Dictionary<string, string>(), settings.KillAfterWrites) : null,
            settings.HistoryLimits));
        if (settings.ParentPid is { } parentPid)
        {
            services.AddHostedService(provider => new ParentProcessWatch(
                parentPid, provider.GetRequiredService<IHostApplicationLifetime>(), provider.GetRequiredService<ILogger<ParentProcessWatch>>()));
        }
        services.AddSingleton<IRpcHandlers, SystemHandlers>();
        services.AddSingleton<IRpcHandlers, WorkflowStartHandlers>();
        services.AddSingleton<IRpcHandlers, WorkflowControlHandlers>();
        services.AddSingleton<IRpcHandlers, WorkflowTaskHandlers>();
        services.AddSingleton<IRpcHandlers, ActivityTaskHandlers>();
        services.AddSingleton<IRpcHandlers, QueryHandlers>();
        services.AddSingleton<IRpcHandlers, UpdateHandlers>();
        services.AddSingleton<IRpcHandlers, HistoryHandlers>();
        services.AddSingleton<IRpcHandlers, VisibilityHandlers>();
        services.AddSingleton<IRpcHandlers, WorkerHandlers>();
        services.AddSingleton<IRpcHandlers, TestServiceHandlers>();
        services.AddSingleton<IRpcHandlers, OperatorHandlers>();
        services.AddSingleton(provider =>
        {
            var routes = new RpcRouteTable();
            foreach (var handlers in provider.GetServices<IRpcHandlers>())
            {
                handlers.Register(routes);
            }
            return routes;
        });
        AddEndpoint<WorkflowServiceEndpoint>(services);
        AddEndpoint<TestServiceEndpoint>(services);
        AddEndpoint<OperatorServiceEndpoint>(services);

        var app = builder.Build();
        app.MapGrpcService<WorkflowServiceEndpoint>();
        app.MapGrpcService<TestServiceEndpoint>();
        app.MapGrpcService<OperatorServiceEndpoint>();
        return app;
    }

    /// <summary>Creates the engine now (restoring a durable store's workflows) instead of at the first request.</summary>
    public static void StartEngine(WebApplication app)
    {
        var engine = app.Services.GetRequiredService<TemporalEngine>();
        if (engine.Durability is { } store)
        {
            app.Logger.LogInformation(
                "Durable state in {File}: restored {Runs} workflow runs, {Open} of them open", store.Path, engine.Restored.Runs, engine.Restored.Open);
        }
    }

    private static void AddEndpoint<TEndpoint>(IServiceCollection services)
        where TEndpoint : class, IGrpcEndpoint, new()
    {
        services.AddSingleton<TEndpoint>();
        services.AddSingleton<IServiceMethodProvider<TEndpoint>, DescriptorServiceMethodProvider<TEndpoint>>();
    }
}
