using System.Globalization;
using System.Text;
using Sykefravaer.Persistence.Postgres.Audit;

namespace Sykefravaer.Api.Access;

/// <summary>
/// A read as one line in NAV's audit log format, ArcSight CEF (<c>CEF:0|vendor|product|version|event|name|severity|
/// extensions</c>): <c>suid</c> the veileder, <c>duid</c> the person (the pseudonym: the engine has no fødselsnummer),
/// <c>end</c> the time in epoch milliseconds, <c>request</c> the path, <c>act</c> the endpoint, and the access
/// decision as <c>flexString1</c>.
/// </summary>
public static class AuditLogLine
{
    public static string Format(ReadRecord read, DateTimeOffset at, string method, string path)
    {
        ArgumentNullException.ThrowIfNull(read);
        var permitted = read.Decision == "ALLOWED";
        var line = new StringBuilder("CEF:0|Sykefravaer|sykefravaer-api|1.0|audit:access|Sporingslogg|")
            .Append(permitted ? "INFO" : "WARN").Append('|')
            .Append(CultureInfo.InvariantCulture, $"end={at.ToUnixTimeMilliseconds()}")
            .Append(" suid=").Append(Escape(read.ReadBy))
            .Append(" duid=").Append(Escape(read.PersonRef))
            .Append(" requestMethod=").Append(Escape(method))
            .Append(" request=").Append(Escape(path))
            .Append(" act=").Append(Escape(read.Endpoint))
            .Append(" flexString1Label=Decision flexString1=").Append(permitted ? "Permit" : "Deny")
            .Append(" flexString2Label=Reason flexString2=").Append(read.Decision);
        return line.ToString();
    }

    // CEF extension values escape the backslash, '=' and line breaks; nothing of ours should contain them.
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("=", "\\=", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
}
