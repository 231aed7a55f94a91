using System.Net;
using System.Net.Sockets;
using Npgsql;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Embedded.Postgres;
using Sykefravaer.Persistence.Postgres;

namespace Sykefravaer.Activities.Tests.Outage;

/// <summary>
/// A database outage is retried until the database is back, and nothing is lost or doubled. These tests run their
/// own private cluster (even when <see cref="Sykefravaer.Testing.Postgres.TestPostgres.ConnectionStringVariable"/> names a server), since they
/// stop it.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly string folder = TemporaryFolder.NewPath("sykefravaer-outage-pg");
    private PrivatePostgres? cluster;

    public async Task InitializeAsync() => cluster = await StartClusterAsync(port: null);

    public async Task DisposeAsync()
    {
        await cluster!.DisposeAsync();
        TemporaryFolder.Delete(folder);
    }

    [Fact]
    public async Task An_activity_against_a_closed_port_fails_retryably()
    {
        await using var unreachable = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = ClosedPort(), Username = "postgres", Timeout = 5 }.ConnectionString);
        var activities = new CaseActivities(new PostgresCaseEffects(unreachable));

        var error = await Record.ExceptionAsync(() =>
            InActivity.RunAsync(() => activities.SendNoticeAsync(TestEffects.NoticeCommand(Guid.NewGuid()))));

        Assert.IsType<NpgsqlException>(error, exactMatch: false);
        Assert.True(Retryability.IsRetryable(error));
    }

    [Fact]
    public async Task Writes_while_the_database_is_down_fail_retryably_and_land_exactly_once_when_it_is_back()
    {
        var caseId = Guid.NewGuid();
        await using var dataSource = NpgsqlDataSource.Create(cluster!.ConnectionString);
        var activities = new CaseActivities(await PostgresCaseEffects.OpenAsync(dataSource));
        var before = await activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));

        await cluster.StopAsync();
        var duringOutage = await Record.ExceptionAsync(() => activities.StartAapTransitionAsync(TestEffects.AapTransition(caseId)));
        Assert.NotNull(duringOutage);
        Assert.True(Retryability.IsRetryable(duringOutage), duringOutage.ToString());

        cluster = await StartClusterAsync(cluster.Port);
        var aap = await Retryability.RetryUntilSuccessAsync(() => activities.StartAapTransitionAsync(TestEffects.AapTransition(caseId)));
        var aapAgain = await activities.StartAapTransitionAsync(TestEffects.AapTransition(caseId));
        var beforeAgain = await activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId));

        Assert.Equal(aap, aapAgain);
        Assert.Equal(before, beforeAgain);
        Assert.Equal(2, await CountAsync(dataSource, "SELECT count(*) FROM notice_outbox WHERE case_id = $1", caseId));
        Assert.Equal(1, await CountAsync(dataSource, "SELECT count(*) FROM veileder_task WHERE case_id = $1", caseId));
        Assert.Equal(3, await CountAsync(dataSource, "SELECT count(*) FROM audit_trail WHERE case_id = $1", caseId));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, Guid caseId)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = caseId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task<PrivatePostgres> StartClusterAsync(int? port) =>
        PrivatePostgres.StartAsync(new PrivatePostgresOptions { DataDirectory = folder, Port = port, Durable = false });
}
