namespace Sykefravaer.Testing.Browser;

/// <summary>A browser spec exited non-zero or ran out of time; the message carries everything it printed, so the
/// test's failure says which step failed and why.</summary>
public sealed class BrowserSpecFailedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="BrowserSpecFailedException"/> class.</summary>
    public BrowserSpecFailedException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BrowserSpecFailedException"/> class.</summary>
    public BrowserSpecFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BrowserSpecFailedException"/> class.</summary>
    public BrowserSpecFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BrowserSpecFailedException"/> class for a spec's run.</summary>
    public BrowserSpecFailedException(string specName, int? exitCode, string output, string screenshotDirectory)
        : base($"Browser spec {specName} {(exitCode is { } code ? $"failed (exit code {code})" : "timed out")}; "
            + $"screenshots in {screenshotDirectory}. Its output:{Environment.NewLine}{output}")
    {
        SpecName = specName;
        ExitCode = exitCode;
        Output = output;
    }

    /// <summary>Gets the spec's name (<c>tests/browser/specs/&lt;name&gt;.mjs</c>).</summary>
    public string SpecName { get; } = "";

    /// <summary>Gets the spec's exit code, or null when it was killed for taking too long.</summary>
    public int? ExitCode { get; }

    /// <summary>Gets everything the spec printed.</summary>
    public string Output { get; } = "";
}
