using Sykefravaer.Embedded;
using Sykefravaer.Hosting;

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
public static class ApiHost
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

        builder.Services.AddSykefravaerApi();
        var runWorker = (embedded && configured.TemporalAddress is null) || builder.Configuration.GetValue<bool>("Engine:RunWorker");
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
}
