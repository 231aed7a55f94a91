using System.Net;
using System.Text;
using Sykefravaer.Embedded.Postgres;

namespace Sykefravaer.Embedded.Access;

/// <summary>
/// A small JSON server on a loopback port, the part the development and test stand-ins for NAV's services share:
/// accepting, answering each request on its own task (a slow answer holds up no other), an answer delay for tests of
/// timeouts, and a stop that ends the pending accept. Subclasses say what each request is answered with.
/// </summary>
public abstract class LoopbackJsonServer : IAsyncDisposable
{
    // A free port can be taken by another process between being found and being bound (parallel tests start many
    // of these servers and engines); a few fresh ports make that race harmless.
    private const int BindAttempts = 5;

    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _serving;

    /// <summary>Listens on a free loopback port.</summary>
    protected LoopbackJsonServer()
    {
        (_listener, BaseAddress) = BindFreePort();
        _serving = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    /// <summary>Gets or sets how long each answer takes (a slow service).</summary>
    public TimeSpan Delay { get; set; }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Close();
        try
        {
            await _serving.ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Closing the listener ends the pending accept this way.
        }

        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    private static (HttpListener Listener, Uri Address) BindFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            var address = new Uri($"http://127.0.0.1:{LoopbackPort.FindFree()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(address.ToString());
            try
            {
                listener.Start();
                return (listener, address);
            }
            catch (HttpListenerException) when (attempt < BindAttempts)
            {
                listener.Close();
            }
        }
    }

    /// <summary>The status and JSON body to answer <paramref name="request"/> with.</summary>
    protected abstract Task<(int Status, string Body)> AnswerAsync(HttpListenerRequest request);

    private async Task ServeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var context = await _listener.GetContextAsync().ConfigureAwait(false);
            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, _stopping.Token).ConfigureAwait(false);
            }

            var (status, body) = await AnswerAsync(context.Request).ConfigureAwait(false);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body), _stopping.Token).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The caller gave up (a timeout) or the server is stopping.
            context.Response.Abort();
        }
    }
}
