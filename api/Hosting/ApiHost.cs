using Sykefravaer.Embedded;
using Sykefravaer.Embedded.Access;
using Sykefravaer.Hosting;
using Sykefravaer.Hosting.Outbox;

namespace Sykefravaer.Api.Hosting;

/// <summary>
/// Runs the API. Normally the API alone, against the Temporal and PostgreSQL it is configured for (workers run
/// elsewhere). With <c>Engine:Embedded</c> (set by the launch profile that <c>dotnet run --project api</c> uses) it is
/// the whole engine in one process for a first run on a fresh machine: whatever is not configured is started here (a
/// private PostgreSQL cluster in the data folder, the offline Temporal server), and the case worker runs in-process
/// when Temporal was started here (that server is reachable only from this process) or <c>Engine:RunWorker</c> is set.
/// </summary>
/// <remarks>Embedded mode is an explicit switch rather than "whatever is missing": a host built by a test factory or
/// a container only sees its settings later, and must never start servers of its own by surprise.</remarks>
public static partial class ApiHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        using var loggerFactory = LoggerFactory.Create(logging =>
            logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
        var logger = loggerFactory.CreateLogger("Sykefravaer.Engine");

        var configured = EngineSettings.From(builder.Configuration);
        var embedded = builder.Configuration.GetValue<bool>("Engine:Embedded");
        if (embedded && builder.Environment.IsProduction())
        {
            logger.LogCritical("The engine does not start: Engine__Embedded=true is for a developer's machine and refused in Production.");
            return 2;
        }
        await using var dependencies = embedded
            ? await EmbeddedDependencies.StartAsync(configured, logger, CancellationToken.None).ConfigureAwait(false)
            : null;
        var settings = dependencies?.Settings ?? configured;
        if (dependencies is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Temporal:Address"] = settings.TemporalAddress,
                ["ConnectionStrings:Sykefravaer"] = settings.ConnectionString,
            });
        }

        await using var developmentAccess = DevelopmentAccess(builder, logger);
        builder.Services.AddSykefravaerApi();
        var runWorker = (embedded && configured.TemporalAddress is null) || builder.Configuration.GetValue<bool>("Engine:RunWorker");
        if (runWorker && OutboxRefusal(builder, settings) is { } refusal)
        {
            logger.LogCritical("The engine does not start: {Reason}", refusal);
            return 2;
        }

        if (runWorker)
        {
            builder.Services.AddCaseWorker(settings);
        }

        await using var app = builder.Build();
        app.UseSykefravaerApi();
        app.Lifetime.ApplicationStarted.Register(() => FirstRunHelp.Log(logger, app.Urls, runWorker));
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>In Development without <c>Access__BaseAddress</c> (the one-command engine, docker compose): an access
    /// service on loopback that lets every veileder see every person, so reads work on a laptop. Anywhere else the
    /// API refuses to start without a real one.</summary>
    private static LoopbackAccessService? DevelopmentAccess(WebApplicationBuilder builder, ILogger logger)
    {
        if (!builder.Environment.IsDevelopment() || !string.IsNullOrWhiteSpace(builder.Configuration["Access:BaseAddress"]))
        {
            return null;
        }

        var access = LoopbackAccessService.Start();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Access:BaseAddress"] = access.BaseAddress.ToString() });
        LogDevelopmentAccess(logger, access.BaseAddress);
        return access;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access__BaseAddress is not set: a development access service on {Address} lets every veileder see every person")]
    private static partial void LogDevelopmentAccess(ILogger logger, Uri address);

    // The worker in this process publishes the outbox: its settings are checked before the host starts.
    private static string? OutboxRefusal(WebApplicationBuilder builder, EngineSettings settings)
    {
        try
        {
            _ = OutboxSettings.From(builder.Configuration, builder.Environment, settings.DataFolder);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }
}
