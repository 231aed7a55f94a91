using Sykefravaer.Api.Tests.Access;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Testing.Browser;

namespace Sykefravaer.Api.Tests.Browser;

/// <summary>The veileder's web view in Debian's chromium (tests/browser/specs/veileder-*.mjs), served by the real API
/// on a loopback port as Development serves it, over an engine of its own (so the work list holds only what these
/// tests seed): the whole flow of the issue, every page checked by axe-core, screenshots kept.</summary>
public sealed class VeilederViewBrowserTests(ApiEngine engine) : IClassFixture<ApiEngine>
{
    [Fact]
    public async Task A_veileder_signs_in_filters_opens_the_case_timeline_and_marks_the_task_done_and_another_sees_no_one_hidden()
    {
        var api = new ApiClient(engine.Api.CreateClient());
        var seeded = await PersonWithOpenTask.CreateAsync(engine, api);
        var hidden = await PersonWithOpenTask.CreateAsync(engine, api);
        const string Denied = "Z700502";
        TestAccess.Service.Deny(Denied, hidden.Person);
        await using var web = Serve();

        var result = await BrowserSpec.RunAsync("veileder-view", web.BaseUrl, new Dictionary<string, string>
        {
            ["SPEC_NAVIDENT"] = "Z700501",
            ["SPEC_DENIED_NAVIDENT"] = Denied,
            ["SPEC_TASK_ID"] = seeded.TaskId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SPEC_CASE_ID"] = seeded.CaseId,
            ["SPEC_HIDDEN_TASK_ID"] = hidden.TaskId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SPEC_HIDDEN_CASE_ID"] = hidden.CaseId,
        }, CancellationToken.None);

        Assert.True(File.Exists(result.Screenshot("case")), $"the case page's screenshot is kept:\n{result.Output}");
        Assert.True(File.Exists(result.Screenshot("work-list")));
        Assert.Equal("DONE", (string?)(await api.GetAsync($"/api/v1/tasks/{seeded.TaskId}"))["status"]);
        Assert.Equal("OPEN", (string?)(await api.GetAsync($"/api/v1/tasks/{hidden.TaskId}"))["status"]);
    }

    [Fact]
    public async Task An_expired_session_goes_back_to_sign_in()
    {
        await using var web = Serve(sessionLifetime: TimeSpan.FromSeconds(2));

        var result = await BrowserSpec.RunAsync("veileder-session-expiry", web.BaseUrl, new Dictionary<string, string>
        {
            ["SPEC_NAVIDENT"] = "Z700503",
            ["SPEC_SESSION_SECONDS"] = "2",
        }, CancellationToken.None);

        Assert.Contains("signed in", result.Output, StringComparison.Ordinal);
    }

    private WebView Serve(TimeSpan? sessionLifetime = null)
    {
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings["Veileder:SessionLifetime"] = sessionLifetime?.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        var factory = new ApiFactory(settings, engine.Logs) { Environment = "Development" };
        factory.UseKestrel(0);
        factory.StartServer();
        return new WebView(factory);
    }

    private sealed class WebView(ApiFactory factory) : IAsyncDisposable
    {
        public Uri BaseUrl => factory.ClientOptions.BaseAddress;

        public ValueTask DisposeAsync() => factory.DisposeAsync();
    }
}
