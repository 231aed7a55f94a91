using Sykefravaer.Worker.Histories;
using Sykefravaer.Worker.Hosting;
using Sykefravaer.Worker.Simulation;

// `dotnet run --project worker` runs the worker; the verbs below are developer tools over the same workflow code.
return args switch
{
    ["simulate", .. var rest] => await SimulateCommand.RunAsync(rest).ConfigureAwait(false),
    ["replay", .. var rest] => await ReplayCommand.RunAsync(rest).ConfigureAwait(false),
    ["export-history", .. var rest] => await ExportHistoryCommand.RunAsync(rest).ConfigureAwait(false),
    ["forecast", .. var rest] => await Sykefravaer.Worker.Forecast.ForecastCommand.RunAsync(rest).ConfigureAwait(false),
    _ => await WorkerHost.RunAsync(args).ConfigureAwait(false),
};
