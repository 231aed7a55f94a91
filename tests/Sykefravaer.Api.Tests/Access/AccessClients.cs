using Sykefravaer.Api.Access;

namespace Sykefravaer.Api.Tests.Access;

/// <summary>The access client's parts as the API wires them, for tests that build the client without a host.</summary>
internal static class AccessClients
{
    public static AccessAuthorization Authorization(HttpClient http, AccessSettings settings, TimeProvider clock) =>
        new(settings, new TokenExchangeClient(http, settings), new ExchangedTokenCache(clock));

    public static PersonAccessClient Client(HttpClient http, AccessSettings settings, TimeProvider clock) =>
        new(http, settings, new AccessDecisionCache(settings, clock), Authorization(http, settings, clock));
}
