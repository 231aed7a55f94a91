using Microsoft.Extensions.Logging;
using Temporalio.Runtime;

namespace Sykefravaer.Worker;

/// <summary>
/// The Temporal runtime of the worker's commands that print results (simulate, export-history): the SDK's Core logs
/// its warnings to standard error through a console logger. Left to itself Core writes them, in coloured text, to
/// standard output, where one in front of simulate's JSON makes the output unreadable to a program.
/// </summary>
internal static class CliTemporalRuntime
{
    private static readonly Lazy<TemporalRuntime> Runtime = new(Create);

    public static TemporalRuntime Instance => Runtime.Value;

    private static TemporalRuntime Create()
    {
        var loggers = LoggerFactory.Create(logging => logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        return new TemporalRuntime(new TemporalRuntimeOptions
        {
            Telemetry = new TelemetryOptions
            {
                Logging = new LoggingOptions(new TelemetryFilterOptions(core: TelemetryFilterOptions.Level.Warn, other: TelemetryFilterOptions.Level.Error))
                {
                    Forwarding = new LogForwardingOptions(loggers.CreateLogger(Sykefravaer.Hosting.Telemetry.EngineTelemetry.CoreLogCategory)),
                },
            },
        });
    }
}
