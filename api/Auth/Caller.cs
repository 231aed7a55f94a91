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
}
