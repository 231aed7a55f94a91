namespace Sykefravaer.Testing.Browser;

/// <summary>What a browser spec that passed left behind.</summary>
/// <param name="Output">Everything the spec printed, standard output and error interleaved as they came.</param>
/// <param name="ScreenshotDirectory">The folder the spec was given as <c>SCREENSHOT_DIR</c>, for this run alone.</param>
public sealed record BrowserSpecResult(string Output, string ScreenshotDirectory)
{
    /// <summary>Gets the path of the screenshot the spec saved as <paramref name="name"/> (without <c>.png</c>),
    /// whether or not it exists.</summary>
    public string Screenshot(string name) => Path.Combine(ScreenshotDirectory, name + ".png");
}
