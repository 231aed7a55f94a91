using Sykefravaer.OfflineTemporal.Hosting;

// temporal-test-server: a Temporal frontend, in memory or (with --db-filename) durable, started like Temporal's own test server
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

WebApplication app;
try
{
    // Opens the store and restores its workflows before the port opens, so no client sees a half-restored server.
    app = ServerHost.Build(settings);
    ServerHost.StartEngine(app);
}
catch (Exception error) when (error is InvalidOperationException or ArgumentException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
{
    Console.Error.WriteLine($"temporal-test-server: {error.Message}");
    return 1;
}
await using (app.ConfigureAwait(false))
{
    await app.RunAsync().ConfigureAwait(false);
}
return 0;
