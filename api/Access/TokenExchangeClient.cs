using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Sykefravaer.Api.Access;

/// <summary>
/// Exchanges a veileder's token, on their behalf, for one whose audience is the access service: NAIS's token exchange
/// (Texas), <c>POST {Access__TokenExchange__Endpoint}</c> with
/// <c>{"identity_provider":"azuread","target":…,"user_token":…}</c>, answered 200
/// <c>{"access_token":…,"expires_in":…,"token_type":"Bearer"}</c>.
/// </summary>
/// <remarks>Fails closed as the access service does: a timeout (<see cref="AccessSettings.Timeout"/>), a refused
/// connection, any answer but 200 or one that cannot be read throws <see cref="PersonReadUnavailableException"/> for
/// "The access service", since without the token it cannot be asked. No reason names a token or a person.</remarks>
public sealed class TokenExchangeClient(HttpClient http, AccessSettings settings)
{
    // Texas's name for Entra ID; it also takes "entra_id", the newer name, for the same provider.
    private const string IdentityProvider = "azuread";

    /// <summary>The access service's token on behalf of the veileder whose token <paramref name="userToken"/> is.</summary>
    public async Task<ExchangedToken> ExchangeAsync(string userToken, CancellationToken cancellationToken)
    {
        var exchange = settings.TokenExchange;
        if (exchange.Endpoint is null || string.IsNullOrWhiteSpace(exchange.Target))
        {
            throw new InvalidOperationException("No token exchange is configured (Access__TokenExchange__Endpoint, Access__TokenExchange__Target).");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await http.PostAsJsonAsync(
                exchange.Endpoint, new ExchangeRequest(IdentityProvider, exchange.Target, userToken), timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                // The error body (error, error_description) is not repeated: a description may quote the token's claims.
                throw Unavailable($"the token exchange answered {(int)response.StatusCode}");
            }

            var answer = await response.Content.ReadFromJsonAsync<ExchangeAnswer>(timeout.Token).ConfigureAwait(false);
            return answer is { AccessToken.Length: > 0, ExpiresIn: > 0 }
                ? new ExchangedToken(answer.AccessToken, TimeSpan.FromSeconds(answer.ExpiresIn))
                : throw Unavailable("the token exchange's answer held no token");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable($"the token exchange did not answer within {settings.Timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            throw Unavailable("the token exchange could not be reached", e);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException)
        {
            throw Unavailable("the token exchange's answer could not be read", e);
        }
    }

    private static PersonReadUnavailableException Unavailable(string reason, Exception? inner = null) =>
        new(PersonAccessClient.Service, reason, inner);

    private sealed record ExchangeRequest(
        [property: JsonPropertyName("identity_provider")] string IdentityProvider,
        [property: JsonPropertyName("target")] string Target,
        [property: JsonPropertyName("user_token")] string UserToken);

    private sealed record ExchangeAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);
}

/// <summary>A token the exchange issued for the access service, and for how long it is valid from when it came.</summary>
public sealed record ExchangedToken(string AccessToken, TimeSpan ExpiresIn);
