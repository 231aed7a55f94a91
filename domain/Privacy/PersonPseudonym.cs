using System.Security.Cryptography;
using System.Text;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.Privacy;

/// <summary>
/// A keyed pseudonym (HMAC-SHA256) of a fødselsnummer: what the engine routes and stores by instead of the fnr,
/// so that workflow IDs, search attributes, logs and metrics never hold it. Without the key, the pseudonym cannot be
/// reversed by trying all ~10⁹ valid numbers, as a plain hash could.
/// </summary>
public sealed class PersonPseudonym
{
    /// <summary>128 bits of the MAC: collisions are out of reach at Norway's scale, and IDs stay short.</summary>
    private const int Bytes = 16;

    private readonly byte[] _key;

    public PersonPseudonym(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || Encoding.UTF8.GetByteCount(key) < 32)
        {
            throw new InvalidInputException("pseudonymKey", "must be a secret of at least 32 bytes");
        }

        _key = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>The pseudonym, e.g. <c>p-3f2a…</c> (34 characters, lowercase hex).</summary>
    public string Of(Fodselsnummer fnr)
    {
        ArgumentNullException.ThrowIfNull(fnr);
        var mac = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(fnr.Value));
        return "p-" + Convert.ToHexStringLower(mac.AsSpan(0, Bytes));
    }
}
