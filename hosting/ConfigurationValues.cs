using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Sykefravaer.Hosting;

/// <summary>
/// Reads the engine's settings. Blank means "not set" (so an empty environment variable keeps the default), and a
/// value that cannot be right stops the start-up with a message naming the key and the value.
/// </summary>
public static class ConfigurationValues
{
    public static string? Text(IConfiguration configuration, string key) => NullIfBlank(configuration[key]);

    public static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public static bool Flag(IConfiguration configuration, string key, bool fallback) =>
        Text(configuration, key) is not { } text ? fallback
        : bool.TryParse(text, out var value) ? value
        : throw new InvalidOperationException($"Configuration {key} must be true or false, not \"{text}\".");

    public static TimeSpan PositiveSpan(IConfiguration configuration, string key, TimeSpan fallback) =>
        Text(configuration, key) is not { } text ? fallback
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero ? value
        : throw new InvalidOperationException($"Configuration {key} must be a positive time span such as 06:00:00, not \"{text}\".");

    public static int WholeNumber(IConfiguration configuration, string key, int min, int fallback) =>
        Text(configuration, key) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min ? value
        : throw new InvalidOperationException($"Configuration {key} must be a whole number of at least {min}, not \"{text}\".");
}
