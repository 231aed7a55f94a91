using Microsoft.AspNetCore.Authentication;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Veileder;
using Sykefravaer.Api.Validation;
using Sykefravaer.Persistence.Postgres.Audit;

namespace Sykefravaer.Api.Access;

/// <summary>
/// The one way a veileder endpoint shows a person's data: ask the access service whether the caller may see the
/// person, record the read (who, whose pseudonym, which endpoint, the decision) in <c>read_audit</c> and as a CEF
/// line in the audit log, and only then let the endpoint answer. If the record cannot be written nothing is shown.
/// </summary>
public sealed partial class PersonReadGate(PersonAccessClient access, ReadAudit audit, TimeProvider clock, ILoggerFactory loggers)
{
    /// <summary>The audit log's logger category; the platform sends it to the audit log, apart from the rest.</summary>
    public const string AuditLogCategory = "Sykefravaer.AuditLog";

    private readonly ILogger _auditLog = loggers.CreateLogger(AuditLogCategory);

    /// <summary>Null when the caller may see the person (the read is recorded), else the answer to give: 403 when
    /// the access service says no, 503 when it could not be asked (both recorded too).</summary>
    public async Task<IResult?> RefusalAsync(HttpContext http, string personRef) =>
        await AllowsAsync(http, personRef).ConfigureAwait(false) ? null : Problems.NoAccessToPerson();

    /// <summary>Whether the caller may see the person, the read recorded either way; throws
    /// <see cref="PersonReadUnavailableException"/> (recorded as UNAVAILABLE) when it cannot be asked.</summary>
    public async Task<bool> AllowsAsync(HttpContext http, string personRef)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (who, authorization) = await CallerOfAsync(http).ConfigureAwait(false);
        string decision;
        try
        {
            decision = await access.MaySeeAsync(authorization, who, personRef, http.RequestAborted).ConfigureAwait(false) ? "ALLOWED" : "DENIED";
        }
        catch (PersonReadUnavailableException)
        {
            await RecordAsync(http, [new ReadRecord(who, personRef, EndpointOf(http), "UNAVAILABLE")]).ConfigureAwait(false);
            throw;
        }

        await RecordAsync(http, [new ReadRecord(who, personRef, EndpointOf(http), decision)]).ConfigureAwait(false);
        return decision == "ALLOWED";
    }

    /// <summary>Those of <paramref name="personRefs"/> the caller may see; nothing is recorded until
    /// <see cref="RecordShownAsync"/> says which were shown.</summary>
    public async Task<IReadOnlySet<string>> VisibleAsync(HttpContext http, IReadOnlyCollection<string> personRefs)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (who, authorization) = await CallerOfAsync(http).ConfigureAwait(false);
        return await access.VisibleAsync(authorization, who, personRefs, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Records that these people's data (already allowed by <see cref="VisibleAsync"/>) is shown.</summary>
    public Task RecordShownAsync(HttpContext http, IEnumerable<string> personRefs)
    {
        ArgumentNullException.ThrowIfNull(http);
        var who = Caller.IdentOf(http.User);
        var endpoint = EndpointOf(http);
        return RecordAsync(http, [.. personRefs.Distinct(StringComparer.Ordinal).Select(person => new ReadRecord(who, person, endpoint, "ALLOWED"))]);
    }

    private async Task RecordAsync(HttpContext http, IReadOnlyCollection<ReadRecord> reads)
    {
        try
        {
            await audit.RecordAsync(reads, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new PersonReadUnavailableException("The audit trail", "the read could not be recorded", e);
        }

        var at = clock.GetUtcNow();
        foreach (var read in reads)
        {
            LogAudit(_auditLog, AuditLogLine.Format(read, at, http.Request.Method, http.Request.Path));
        }
    }

    // An API caller's bearer token, or the token a web view session was signed in with.
    private static async Task<(string Who, string Authorization)> CallerOfAsync(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0
            && await http.GetTokenAsync(VeilederSession.Scheme, VeilederSession.AccessToken).ConfigureAwait(false) is { } token)
        {
            authorization = $"Bearer {token}";
        }

        return (Caller.IdentOf(http.User), authorization);
    }

    private static string EndpointOf(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? http.Request.Path;

    [LoggerMessage(Level = LogLevel.Information, Message = "{AuditLine}")]
    private static partial void LogAudit(ILogger logger, string auditLine);
}
