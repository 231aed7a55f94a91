using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sykefravaer.Embedded.Access;

/// <summary>The claims of a JWT read without checking its signature, and JWTs issued unsigned (<c>alg: none</c>):
/// for the loopback services, which trust the API that checked the caller's token and are trusted by it.</summary>
internal static class UnsignedJwt
{
    /// <summary>The token's claims, or null if it is not a JWT.</summary>
    public static JsonObject? ClaimsOf(string token)
    {
        var parts = token.Split('.');
        if (parts.Length < 2)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Base64UrlDecode(parts[1])) as JsonObject;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    public static string Issue(JsonObject claims) =>
        $"{Base64UrlEncode("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8.ToArray())}.{Base64UrlEncode(Encoding.UTF8.GetBytes(claims.ToJsonString()))}.";

    private static string Base64UrlEncode(byte[] value) =>
        Convert.ToBase64String(value).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string value)
    {
        var base64 = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
