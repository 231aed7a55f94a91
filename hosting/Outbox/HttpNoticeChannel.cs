using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Sykefravaer.Persistence.Outbox;

namespace Sykefravaer.Hosting.Outbox;

/// <summary>
/// POSTs each notice as JSON (<see cref="NoticeMessage"/>) to the receiver, with <c>Idempotency-Key</c> (the same on
/// every redelivery, so the receiver dedupes) and, when configured, <c>Authorization: Bearer</c>. A 2xx answer is
/// delivered; anything else (a 4xx or 5xx, no answer within the timeout, no connection) throws a
/// <see cref="NoticeDeliveryException"/> that says what happened and never what the notice held.
/// </summary>
public sealed class HttpNoticeChannel(IHttpClientFactory clients, HttpChannelSettings settings) : INoticeChannel
{
    /// <summary>The named client: its timeout is infinite, as each request is timed here (a timeout is then a failed
    /// attempt, not a cancellation that would roll back the whole batch).</summary>
    public const string ClientName = "Sykefravaer.NoticeChannel";

    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public async Task DeliverAsync(OutboxNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var url = settings.Url ?? throw new InvalidOperationException("Outbox__Http__Url is not set.");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(NoticeMessage.From(notice).ToJson(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, notice.IdempotencyKey);
        if (settings.Token is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        var http = clients.CreateClient(ClientName);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // The status only: a receiver's body may repeat what it was sent.
                throw new NoticeDeliveryException(string.Create(
                    CultureInfo.InvariantCulture, $"receiver answered {(int)response.StatusCode} ({response.StatusCode})"));
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NoticeDeliveryException(string.Create(CultureInfo.InvariantCulture, $"receiver timed out (no answer within {settings.Timeout})"), e);
        }
        catch (HttpRequestException e)
        {
            throw new NoticeDeliveryException(Describe(e), e);
        }
    }

    // Names what went wrong, never the exception's own message (which can quote the URL's query or a proxy's answer).
    private static string Describe(HttpRequestException e) =>
        e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
            ? "receiver refused the connection"
            : e.StatusCode is HttpStatusCode status
                ? string.Create(CultureInfo.InvariantCulture, $"receiver answered {(int)status} ({status})")
                : $"receiver could not be reached ({e.HttpRequestError})";
}
