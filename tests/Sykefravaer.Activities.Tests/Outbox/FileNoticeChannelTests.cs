using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Hosting.Outbox;
using Sykefravaer.Persistence.Outbox;

namespace Sykefravaer.Activities.Tests.Outbox;

/// <summary>The one-command engine's channel: one JSON line per notice in a local file, and a log line that names the
/// notice and the case but never the person.</summary>
public sealed class FileNoticeChannelTests(PostgresServer server) : DatabaseTest(server)
{
    private readonly Guid caseId = Guid.NewGuid();

    [Fact]
    public async Task Each_delivered_notice_is_one_json_line_and_one_log_line_without_the_person()
    {
        string[] codes = ["OPPFOLGINGSPLAN_FRIST", "AKTIVITETSKRAV_INFO"];
        foreach (var code in codes)
        {
            await Activities.SendNoticeAsync(TestEffects.NoticeCommand(caseId, TestEffects.Notice(code)));
        }

        var folder = TemporaryFolder.NewPath("outbox-file");
        try
        {
            var logs = new CapturedLogs<FileNoticeChannel>();
            using var channel = new FileNoticeChannel(Path.Combine(folder, "notices.jsonl"), logs);
            var publisher = new OutboxPublisher(Database.DataSource, new OutboxPublisherOptions());

            Assert.Equal(2, await publisher.PublishBatchAsync(channel.DeliverAsync));

            var lines = await File.ReadAllLinesAsync(channel.Path);
            Assert.Equal(codes, lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("code").GetString()));
            var keys = await Database.ColumnAsync("SELECT idempotency_key FROM notice_outbox WHERE case_id = $1 ORDER BY id", caseId);
            Assert.Equal(keys, lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("idempotencyKey").GetString()));
            Assert.Equal(2, logs.Messages.Count);
            Assert.Contains($"Notice OPPFOLGINGSPLAN_FRIST to ARBEIDSTAKER of case {caseId} written to {channel.Path}", logs.Messages);
            Assert.DoesNotContain(logs.Messages, m => m.Contains(TestPerson.PersonRef, StringComparison.Ordinal));
            Assert.Equal(2, await Database.ScalarAsync("SELECT count(*) FROM notice_outbox WHERE status = 'SENT'"));
        }
        finally
        {
            TemporaryFolder.Delete(folder);
        }
    }
}
