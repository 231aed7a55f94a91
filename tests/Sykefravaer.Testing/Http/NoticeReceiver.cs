using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sykefravaer.Testing.Http;

/// <summary>
/// A real HTTP server on loopback (Kestrel on a free port) standing in for the receiver of notices: it records every
/// request to <see cref="Url"/> (with its answer, before the answer is sent) and answers as <see cref="Answer"/> says
/// (by default 202), so a
/// test can make it refuse, be slow, or accept.
/// </summary>
public sealed class NoticeReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private int count;

    private NoticeReceiver(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>Where notices are posted.</summary>
    public Uri Url { get; }

    /// <summary>Gets or sets the answer to the request numbered (from 0) as given: a status code, after whatever wait
    /// the function takes (cancelled when the caller gives up).</summary>
    public Func<int, CancellationToken, Task<int>> Answer { get; set; } = (_, _) => Task.FromResult(StatusCodes.Status202Accepted);

    /// <summary>Every request so far, in the order they arrived.</summary>
    public IReadOnlyList<ReceivedRequest> Received => [.. received];

    public static async Task<NoticeReceiver> StartAsync()
    {
        var port = LoopbackPorts.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new NoticeReceiver(app, new Uri($"http://127.0.0.1:{port}/notices"));
        app.MapPost("/notices", receiver.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        return receiver;
    }

    /// <summary>Polls until <paramref name="done"/> holds for what was received, for at most <paramref name="patience"/>.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> UntilAsync(Func<IReadOnlyList<ReceivedRequest>, bool> done, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!done(Received))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The receiver did not get what was expected within {patience}; it got {Received.Count} request(s).");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return Received;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync().ConfigureAwait(false);

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var number = Interlocked.Increment(ref count) - 1;
        int status;
        try
        {
            status = await Answer(number, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            status = StatusCodes.Status499ClientClosedRequest;
        }

        received.Enqueue(new ReceivedRequest(
            context.Request.Headers["Idempotency-Key"].FirstOrDefault(),
            context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.ContentType,
            body,
            status));
        if (!context.RequestAborted.IsCancellationRequested)
        {
            context.Response.StatusCode = status;
        }
    }
}
