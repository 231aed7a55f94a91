using System.Diagnostics;
using System.Globalization;

namespace Sykefravaer.Testing.Browser;

/// <summary>
/// Runs a browser spec, <c>tests/browser/specs/&lt;name&gt;.mjs</c>, with node: a script that drives Debian's
/// chromium through playwright-core (<c>tests/browser/lib/browser.mjs</c>) against a site the test started.
/// </summary>
/// <remarks>
/// The spec gets <c>BASE_URL</c>, <c>SCREENSHOT_DIR</c> and the test's own <c>SPEC_*</c> variables in its environment,
/// and says pass or fail by its exit code. Screenshots go to
/// <c>TestResults/browser/&lt;spec&gt;/&lt;run&gt;</c> under the test's output folder, a new folder each run, so
/// tests running the same spec at once keep theirs apart.
/// </remarks>
public static class BrowserSpec
{
    /// <summary>How long a spec may run by default: a few pages on a busy two-core machine take seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    private const string VariablePrefix = "SPEC_";

    /// <summary>Runs the spec with <see cref="DefaultTimeout"/>.</summary>
    /// <inheritdoc cref="RunAsync(string, Uri, IReadOnlyDictionary{string, string}, TimeSpan, CancellationToken)"/>
    public static Task<BrowserSpecResult> RunAsync(
        string specName, Uri baseUrl, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken) =>
        RunAsync(specName, baseUrl, variables, DefaultTimeout, cancellationToken);

    /// <summary>Runs the spec to its end and returns what it printed and where its screenshots are; throws
    /// <see cref="BrowserSpecFailedException"/> with its output when it exits non-zero or outlives
    /// <paramref name="timeout"/> (then it is killed, chromium with it).</summary>
    /// <param name="specName">The script's name in <c>tests/browser/specs/</c>, without <c>.mjs</c>.</param>
    /// <param name="baseUrl">The site under test, as <c>BASE_URL</c>.</param>
    /// <param name="variables">The spec's inputs; every name starts with <c>SPEC_</c>, so they cannot override the
    /// harness's own variables.</param>
    /// <param name="timeout">How long the spec may run.</param>
    /// <param name="cancellationToken">Stops the spec.</param>
    public static async Task<BrowserSpecResult> RunAsync(
        string specName,
        Uri baseUrl,
        IReadOnlyDictionary<string, string> variables,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(specName);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(variables);
        if (variables.Keys.FirstOrDefault(name => !name.StartsWith(VariablePrefix, StringComparison.Ordinal)) is { } wrong)
        {
            throw new ArgumentException($"A spec variable's name starts with {VariablePrefix}; {wrong} does not.", nameof(variables));
        }

        var script = Path.Combine(BrowserPackage.Folder, "specs", specName + ".mjs");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"No browser spec {specName}: {script} does not exist.", script);
        }

        await BrowserPackage.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        var screenshots = NewScreenshotDirectory(specName);
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "node.exe" : "node")
        {
            WorkingDirectory = BrowserPackage.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(script);
        // SPEC_* left in the test's own environment would reach a spec that did not ask for them.
        foreach (var inherited in start.Environment.Keys.Where(name => name.StartsWith(VariablePrefix, StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["BASE_URL"] = baseUrl.ToString();
        start.Environment["SCREENSHOT_DIR"] = screenshots;
        start.Environment["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1";
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        var run = await ChildProcess.RunAsync(start, timeout, cancellationToken).ConfigureAwait(false);
        return run.ExitCode == 0
            ? new BrowserSpecResult(run.Output, screenshots)
            : throw new BrowserSpecFailedException(specName, run.ExitCode, run.Output, screenshots);
    }

    private static string NewScreenshotDirectory(string specName)
    {
        var run = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}");
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "browser", specName, run);
        Directory.CreateDirectory(directory);
        return directory;
    }
}
