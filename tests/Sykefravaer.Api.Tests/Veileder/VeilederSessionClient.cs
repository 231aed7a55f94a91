using System.Net;
using System.Text.RegularExpressions;

namespace Sykefravaer.Api.Tests.Veileder;

/// <summary>The web view as a browser without JavaScript uses it: a cookie jar, forms posted with the page's
/// antiforgery token, redirects not followed (so the tests see them).</summary>
public sealed partial class VeilederSessionClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task SignInAsync(string navIdent)
    {
        using var signedIn = await PostFormAsync("/veileder/sign-in", new() { ["navIdent"] = navIdent, ["returnUrl"] = "/veileder" }, "/veileder/sign-in");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a form as the page at <paramref name="formPage"/> would: with its antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string formPage)
    {
        var (_, page) = await GetAsync(formPage);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{formPage} has a form with an antiforgery token");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
