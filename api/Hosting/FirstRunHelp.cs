namespace Sykefravaer.Api.Hosting;

/// <summary>What a newcomer needs once the engine is up: where the API listens and how to send a first event.</summary>
internal static partial class FirstRunHelp
{
    public static void Log(ILogger logger, ICollection<string> urls, bool workerInProcess)
    {
        var url = urls.FirstOrDefault() ?? "http://localhost:5080";
        LogListening(logger, string.Join(", ", urls), workerInProcess ? "with the case worker in this process" : "without a worker");
        LogFirstEvent(logger, url);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sykefravær engine API listening on {Urls} ({Worker}); OpenAPI at /openapi/v1.json")]
    private static partial void LogListening(ILogger logger, string urls, string worker);

    [LoggerMessage(Level = LogLevel.Information, Message = """
        Send a first event (README.md, "HTTP API"):
          TOKEN=$(dotnet run --project api --no-launch-profile -- token --role events.write)
          curl -s -X POST {Url}/api/v1/events/sykmelding -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{{"id":"sm-1","fnr":"<a valid fødselsnummer>","fom":"2026-01-05","tom":"2026-02-27","grad":100,"orgnr":"974652269"}}'
        """)]
    private static partial void LogFirstEvent(ILogger logger, string url);
}
