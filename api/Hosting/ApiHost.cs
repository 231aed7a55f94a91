using Sykefravaer.Embedded.Engine;

namespace Sykefravaer.Api.Hosting;

/// <summary>
/// Runs the API. With Temporal and PostgreSQL configured it is the API alone (workers run elsewhere). Without them it
/// is the whole engine in one process, for a first run on a fresh machine: a private PostgreSQL cluster in the data
/// folder, the offline Temporal server, and the case worker in-process (that server is reachable only from here).
/// </summary>
public static class ApiHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        using var loggerFactory = LoggerFactory.Create(logging =>
            logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
        var logger = loggerFactory.CreateLogger("Sykefravaer.Engine");

        var configured = EngineSettings.From(builder.Configuration);
        await using var dependencies = await EmbeddedDependencies.StartAsync(configured, logger, CancellationToken.None)
            .ConfigureAwait(false);
        var settings = dependencies.Settings;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Temporal:Address"] = settings.TemporalAddress,
            ["ConnectionStrings:Sykefravaer"] = settings.ConnectionString,
        });

        builder.Services.AddSykefravaerApi();
        var runWorker = configured.TemporalAddress is null || builder.Configuration.GetValue<bool>("Engine:RunWorker");
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
