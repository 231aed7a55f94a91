using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Sykefravaer.Testing.Browser;

/// <summary>The npm package of browser specs, <c>tests/browser/</c>, and its installed dependencies.</summary>
/// <remarks>
/// CI installs the dependencies in <c>.ci/run</c> (<c>npm ci</c>); a developer who never ran it gets them here, once,
/// on the first browser test. Test assemblies run in parallel processes, so the install is guarded by a lock file
/// that every process opens exclusively, not only by a lock in this one.
/// </remarks>
public static class BrowserPackage
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>Gets the package folder, <c>tests/browser</c> in the repository the tests were built in.</summary>
    public static string Folder => Path.Combine(RepositoryBuild.Root, "tests", "browser");

    /// <summary>Runs <c>npm ci</c> in <see cref="Folder"/> unless its dependencies are already installed.</summary>
    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        if (IsInstalled())
        {
            return;
        }

        await InProcess.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var crossProcess = await AcquireFileLockAsync(cancellationToken).ConfigureAwait(false);
            // Another process may have installed while this one waited.
            if (!IsInstalled())
            {
                await NpmCiAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            InProcess.Release();
        }
    }

    // What the library imports; node_modules alone may be a half-finished install.
    private static bool IsInstalled() =>
        File.Exists(Path.Combine(Folder, "node_modules", "playwright-core", "package.json"))
        && File.Exists(Path.Combine(Folder, "node_modules", "axe-core", "axe.min.js"));

    private static async Task NpmCiAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("ci");
        start.ArgumentList.Add("--no-audit");
        start.ArgumentList.Add("--no-fund");
        // playwright-core downloads nothing itself, but say so for any package that would: browsers come from Debian.
        start.Environment["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1";
        var run = await ChildProcess.RunAsync(start, InstallTimeout, cancellationToken).ConfigureAwait(false);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"npm ci in {Folder} {(run.ExitCode is { } code ? $"failed (exit code {code})" : "timed out")}:{Environment.NewLine}{run.Output}");
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(CancellationToken cancellationToken)
    {
        // In the temporary folder, so the repository gains no file; named after the repository, so two clones do not wait on each other.
        var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Folder)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"sykefravaer-browser-npm-{name}.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
