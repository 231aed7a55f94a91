namespace Sykefravaer.Hosting.Outbox;

/// <summary>The HTTP channel's receiver (<c>Outbox__Http__Url</c>, <c>Outbox__Http__Token</c>,
/// <c>Outbox__Http__Timeout</c>).</summary>
/// <param name="Url">Where each notice is POSTed; null only while the channel is not in use.</param>
/// <param name="Token">Sent as <c>Authorization: Bearer …</c> when set. A secret: never logged or printed.</param>
/// <param name="Timeout">How long one request may take before the attempt counts as failed.</param>
public sealed record HttpChannelSettings(Uri? Url, string? Token, TimeSpan Timeout)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    // A record prints every property; the token must not reach a log line through a settings dump.
    public override string ToString() => $"HttpChannelSettings {{ Url = {Url}, Token = {(Token is null ? "(none)" : "(set)")}, Timeout = {Timeout} }}";
}
