using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Sykefravaer.Api.Access;

/// <summary>
/// Exchanged tokens, per veileder token, until shortly before they expire, so a veileder's reads exchange once and
/// not at every read. The key is the SHA-256 of the veileder's token: the token itself is never a key, so a dump of
/// the cache holds no token that the API was sent.
/// </summary>
public sealed class ExchangedTokenCache(TimeProvider clock)
{
    /// <summary>How long before its expiry an exchanged token is no longer used: it must not expire on its way to
    /// the access service, nor on a clock a little ahead of ours.</summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    // A bound, not a tuning knob: past it the cache starts over rather than grow with every token of every veileder.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (string AccessToken, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);

    /// <summary>The exchanged token for this veileder token, or null if there is none still good.</summary>
    public string? Lookup(string userToken) =>
        _tokens.TryGetValue(KeyOf(userToken), out var kept) && kept.Until > clock.GetUtcNow() ? kept.AccessToken : null;

    public void Keep(string userToken, ExchangedToken exchanged)
    {
        ArgumentNullException.ThrowIfNull(exchanged);
        var until = clock.GetUtcNow() + exchanged.ExpiresIn - ExpiryMargin;
        if (until <= clock.GetUtcNow())
        {
            return;
        }

        if (_tokens.Count >= MaxEntries)
        {
            _tokens.Clear();
        }

        _tokens[KeyOf(userToken)] = (exchanged.AccessToken, until);
    }

    private static string KeyOf(string userToken) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userToken)));
}
