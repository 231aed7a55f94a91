using System.Security.Cryptography;
using System.Text;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Activities.Tests.Infrastructure;

/// <summary>A synthetic person: a valid fødselsnummer and the keyed pseudonym the engine stores instead.</summary>
internal static class TestPerson
{
    /// <summary>Gets a valid, synthetic fødselsnummer (born 14 March 1985).</summary>
    public static Fodselsnummer Fnr { get; } = Fodselsnummer.Parse("14038512324");

    /// <summary>Gets the person reference as the worker makes it: an HMAC of the fnr under a secret key.</summary>
    public static string PersonRef { get; } = Pseudonym(Fnr);

    private static string Pseudonym(Fodselsnummer fnr)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes("test-pseudonym-key"), Encoding.UTF8.GetBytes(fnr.Value));
        return "p1:" + Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
