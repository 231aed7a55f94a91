using System.Text.Json;

namespace Sykefravaer.Testing.Http;

/// <summary>One request a <see cref="NoticeReceiver"/> received, and what it answered.</summary>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> header, or null.</param>
/// <param name="Authorization">The <c>Authorization</c> header, or null.</param>
/// <param name="ContentType">The request's content type.</param>
/// <param name="Body">The body as sent.</param>
/// <param name="Status">The status the receiver answered (or was about to, when the caller gave up first).</param>
public sealed record ReceivedRequest(string? IdempotencyKey, string? Authorization, string? ContentType, string Body, int Status)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}
