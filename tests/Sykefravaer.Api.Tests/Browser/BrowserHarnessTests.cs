using Sykefravaer.Testing.Browser;

namespace Sykefravaer.Api.Tests.Browser;

/// <summary>The browser harness proves itself: Debian's chromium opens a real page from a real server, clicks,
/// screenshots, and axe-core passes an accessible page and fails an inaccessible one by rule.</summary>
public sealed class BrowserHarnessTests(SelfTestSite site) : IClassFixture<SelfTestSite>
{
    private const string Spec = "harness-selftest";

    [Fact]
    public async Task An_accessible_page_passes_and_leaves_a_screenshot()
    {
        var result = await BrowserSpec.RunAsync(
            Spec, site.BaseUrl, new Dictionary<string, string> { ["SPEC_PATH"] = SelfTestSite.AccessiblePath }, CancellationToken.None);

        Assert.Contains("status changed", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(result.Screenshot("after-click")), $"No screenshot in {result.ScreenshotDirectory}:\n{result.Output}");
        Assert.True(new FileInfo(result.Screenshot("after-click")).Length > 0);
    }

    [Fact]
    public async Task An_inaccessible_page_fails_naming_the_axe_rules()
    {
        var failure = await Assert.ThrowsAsync<BrowserSpecFailedException>(() => BrowserSpec.RunAsync(
            Spec, site.BaseUrl, new Dictionary<string, string> { ["SPEC_PATH"] = SelfTestSite.InaccessiblePath }, CancellationToken.None));

        Assert.Equal(1, failure.ExitCode);
        // The click worked: the spec failed on accessibility, not before it.
        Assert.Contains("status changed", failure.Output, StringComparison.Ordinal);
        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("link-name (serious)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spec_that_does_not_exist_is_named()
    {
        var failure = await Assert.ThrowsAsync<FileNotFoundException>(() => BrowserSpec.RunAsync(
            "no-such-spec", site.BaseUrl, new Dictionary<string, string>(), CancellationToken.None));

        Assert.Contains("no-such-spec", failure.Message, StringComparison.Ordinal);
    }
}
