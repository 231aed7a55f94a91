using System.Text;
using Microsoft.Extensions.Logging;
using Sykefravaer.Persistence.Outbox;

namespace Sykefravaer.Hosting.Outbox;

/// <summary>
/// The one-command engine's channel: appends each notice as one JSON line (<see cref="NoticeMessage"/>) to a local
/// file, so a developer sees what would have been sent (<c>tail -f .data/notices.jsonl</c>), and logs one line
/// naming the code, the recipient and the case, never the person. Delivery is at least once here too: a line can
/// appear again, with the same idempotency key.
/// </summary>
public sealed partial class FileNoticeChannel(string path, ILogger<FileNoticeChannel> logger) : INoticeChannel, IDisposable
{
    // One writer at a time, so that lines of concurrent batches never interleave.
    private readonly SemaphoreSlim gate = new(1, 1);

    public string Path => path;

    public async Task DeliverAsync(OutboxNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var line = Encoding.UTF8.GetBytes(NoticeMessage.From(notice).ToJson() + "\n");
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 4096, useAsync: true);
            await file.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }

        LogWritten(logger, notice.Code, notice.Recipient, notice.CaseId, path);
    }

    public void Dispose() => gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {Code} to {Recipient} of case {CaseId} written to {Path}")]
    private static partial void LogWritten(ILogger logger, string code, string recipient, Guid caseId, string path);
}
