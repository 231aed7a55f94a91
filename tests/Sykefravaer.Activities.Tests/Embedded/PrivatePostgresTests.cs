using System.Net;
using System.Net.Sockets;
using Npgsql;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Embedded.Postgres;

namespace Sykefravaer.Activities.Tests.Embedded;

public sealed class PrivatePostgresTests : IDisposable
{
    private readonly string folder = TemporaryFolder.NewPath("sykefravaer-embedded-pg");

    public void Dispose() => TemporaryFolder.Delete(folder);

    [Fact]
    public async Task Data_is_kept_between_runs_and_the_server_stops_on_dispose()
    {
        var options = new PrivatePostgresOptions { DataDirectory = folder, Database = "kept", Durable = false };
        string firstConnectionString;
        await using (var first = await PrivatePostgres.StartAsync(options))
        {
            firstConnectionString = first.ConnectionString;
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE survivor (word text); INSERT INTO survivor VALUES ('kept')");
        }

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(firstConnectionString, "SELECT 1"));

        await using var second = await PrivatePostgres.StartAsync(options);
        Assert.Equal("kept", await ExecuteAsync(second.ConnectionString, "SELECT word FROM survivor"));
        Assert.True(File.Exists(Path.Combine(folder, "PG_VERSION")));
        Assert.True(File.Exists(Path.Combine(folder, $".s.PGSQL.{second.Port}")), "the unix socket lives in the data folder");
    }

    [Fact]
    public async Task Missing_binaries_tell_the_user_to_install_postgresql()
    {
        var options = new PrivatePostgresOptions { DataDirectory = folder, BinariesRoot = Path.Combine(folder, "no-such-root") };

        var error = await Assert.ThrowsAsync<PrivatePostgresException>(() => PrivatePostgres.StartAsync(options));

        Assert.Contains("Install Debian's postgresql package", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_holding_something_else_is_not_initialised_over()
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "someone's files");

        var error = await Assert.ThrowsAsync<PrivatePostgresException>(() =>
            PrivatePostgres.StartAsync(new PrivatePostgresOptions { DataDirectory = folder }));

        Assert.Contains("neither empty nor a PostgreSQL cluster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_cannot_start_reports_the_tail_of_its_log()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var takenPort = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<PrivatePostgresException>(() =>
            PrivatePostgres.StartAsync(new PrivatePostgresOptions { DataDirectory = folder, Port = takenPort, Durable = false }));

        Assert.Contains("did not start", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not bind", error.Message, StringComparison.Ordinal);
        // Recognised as a taken port: without a port in the options, the cluster would have tried a fresh one.
        Assert.True(error.PortTaken);
    }

    [Fact]
    public async Task A_server_that_fails_for_another_reason_is_not_taken_for_a_port_race()
    {
        var options = new PrivatePostgresOptions { DataDirectory = folder, Durable = false };
        await using (await PrivatePostgres.StartAsync(options))
        {
        }
        // A broken setting makes the server refuse to start whatever the port.
        await File.AppendAllTextAsync(Path.Combine(folder, "postgresql.conf"), "\nshared_buffers = 'not a size'\n");

        var error = await Assert.ThrowsAsync<PrivatePostgresException>(() => PrivatePostgres.StartAsync(options));

        Assert.False(error.PortTaken);
        Assert.Contains("shared_buffers", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string?> ExecuteAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
