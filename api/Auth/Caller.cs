using System.Security.Claims;

namespace Sykefravaer.Api.Auth;

/// <summary>Who made a request, as the audit trail records it.</summary>
public static class Caller
{
    /// <summary>The NAV ident where the token has one (Entra ID user tokens), else the subject.</summary>
    public static string IdentOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue("NAVident") ?? user.FindFirstValue("sub") ?? "unknown";
    }

    /// <summary>
    /// Whose limit a request counts against: the veileder (<c>NAVident</c>) for a user token, since every veileder
    /// of one tool carries that tool's <c>azp</c>; else the calling application (<c>azp</c>, the client id Entra ID
    /// puts in a system's token); else the subject. The kind is part of the key, so no ident can pose as a client.
    /// </summary>
    public static string ClientOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue("NAVident") is { } navIdent ? $"NAVident:{navIdent}"
            : user.FindFirstValue("azp") is { } azp ? $"azp:{azp}"
            : user.FindFirstValue("sub") is { } sub ? $"sub:{sub}"
            : "anonymous";
    }
}
