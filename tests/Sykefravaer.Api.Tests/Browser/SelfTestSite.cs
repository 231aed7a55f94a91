using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sykefravaer.Testing;

namespace Sykefravaer.Api.Tests.Browser;

/// <summary>A real HTTP server on loopback with two pages for the browser harness to prove itself on: one that meets
/// WCAG 2.1 AA, and the same page with an image link that has no text (axe: <c>image-alt</c>, critical, and
/// <c>link-name</c>, serious).</summary>
public sealed class SelfTestSite : IAsyncLifetime
{
    public const string AccessiblePath = "/accessible";
    public const string InaccessiblePath = "/inaccessible";

    // A one-pixel GIF inline, so the page loads nothing else.
    private const string ImageLink = """<a href="/accessible"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></a>""";

    private WebApplication? app;

    /// <summary>Gets where the site listens.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        var port = LoopbackPorts.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapGet(AccessiblePath, () => Results.Content(Page(""), "text/html; charset=utf-8"));
        app.MapGet(InaccessiblePath, () => Results.Content(Page(ImageLink), "text/html; charset=utf-8"));
        await app.StartAsync();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    // A heading, a labelled input, a button whose click changes the status text (what the spec checks).
    private static string Page(string extra) => $$"""
        <!doctype html>
        <html lang="nb">
        <head><meta charset="utf-8"><title>Selvtest av nettlesertestene</title></head>
        <body>
        <main>
          <h1>Selvtest</h1>
          {{extra}}
          <label for="navn">Navn</label>
          <input id="navn" type="text">
          <button type="button" id="vis">Vis hilsen</button>
          <p id="status" aria-live="polite">Ikke trykket</p>
        </main>
        <script>
          document.getElementById('vis').addEventListener('click', () => {
            document.getElementById('status').textContent = 'Trykket';
          });
        </script>
        </body>
        </html>
        """;
}
