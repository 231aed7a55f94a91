using Sykefravaer.Worker.Hosting;

// `dotnet run --project worker` runs the worker; the verbs below are developer tools over the same workflow code.
return args switch
{
    _ => await WorkerHost.RunAsync(args).ConfigureAwait(false),
};
