using Sykefravaer.OfflineTemporal.Hosting;

// temporal-test-server: an in-memory Temporal frontend for tests, started like Temporal's own test server
// (`temporal-test-server <port>`) or dev server (`… server start-dev --port <port> …`).
ServerSettings settings;
try
{
    settings = ServerCommandLine.Parse(args);
}
catch (Exception error) when (error is ArgumentException or FormatException)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

await using var app = ServerHost.Build(settings);
await app.RunAsync().ConfigureAwait(false);
return 0;
