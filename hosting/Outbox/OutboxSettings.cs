using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Sykefravaer.Persistence.Outbox;

namespace Sykefravaer.Hosting.Outbox;

/// <summary>
/// The hosted notice publisher, from configuration (<c>Outbox__Enabled</c>, <c>Outbox__PollInterval</c>,
/// <c>Outbox__BatchSize</c>, <c>Outbox__MaxAttempts</c>, <c>Outbox__RetryDelay</c>, <c>Outbox__Channel</c>,
/// <c>Outbox__Http__*</c>, <c>Outbox__File__Path</c>). A value that cannot be right stops the start-up with a message
/// naming the key: notices the law requires must not wait silently on a typo.
/// </summary>
/// <param name="Enabled">False where another process publishes the outbox (or nothing should be sent).</param>
/// <param name="PollInterval">The wait after the outbox was found empty before it is read again.</param>
/// <param name="Publisher">Batch size, attempts and the wait between attempts.</param>
/// <param name="Channel">Where notices go.</param>
/// <param name="Http">The receiver of the HTTP channel.</param>
/// <param name="FilePath">The file channel's file, a full path.</param>
public sealed record OutboxSettings(
    bool Enabled, TimeSpan PollInterval, OutboxPublisherOptions Publisher, NoticeChannelKind Channel, HttpChannelSettings Http, string FilePath)
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>The file channel's file in the data folder, beside the embedded engine's PostgreSQL and Temporal.</summary>
    public const string DefaultFileName = "notices.jsonl";

    /// <summary>Reads the settings. The channel defaults to <see cref="NoticeChannelKind.File"/> on a developer's
    /// machine (Development, or <c>Engine__Embedded=true</c>) and to <see cref="NoticeChannelKind.Http"/> elsewhere,
    /// where a missing receiver URL is refused rather than notices piling up unsent.</summary>
    public static OutboxSettings From(IConfiguration configuration, IHostEnvironment environment, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var developersMachine = environment.IsDevelopment() || ConfigurationValues.Flag(configuration, "Engine:Embedded", fallback: false);
        var settings = new OutboxSettings(
            ConfigurationValues.Flag(configuration, "Outbox:Enabled", fallback: true),
            ConfigurationValues.PositiveSpan(configuration, "Outbox:PollInterval", DefaultPollInterval),
            new OutboxPublisherOptions
            {
                BatchSize = ConfigurationValues.WholeNumber(configuration, "Outbox:BatchSize", min: 1, new OutboxPublisherOptions().BatchSize),
                MaxAttempts = ConfigurationValues.WholeNumber(configuration, "Outbox:MaxAttempts", min: 1, new OutboxPublisherOptions().MaxAttempts),
                RetryDelay = ConfigurationValues.PositiveSpan(configuration, "Outbox:RetryDelay", new OutboxPublisherOptions().RetryDelay),
            },
            ChannelFrom(configuration, developersMachine ? NoticeChannelKind.File : NoticeChannelKind.Http),
            new HttpChannelSettings(
                UrlFrom(configuration),
                ConfigurationValues.Text(configuration, "Outbox:Http:Token"),
                ConfigurationValues.PositiveSpan(configuration, "Outbox:Http:Timeout", HttpChannelSettings.DefaultTimeout)),
            Path.GetFullPath(ConfigurationValues.Text(configuration, "Outbox:File:Path") ?? Path.Combine(dataFolder, DefaultFileName)));
        if (settings.Enabled && settings.Channel == NoticeChannelKind.Http && settings.Http.Url is null)
        {
            throw new InvalidOperationException(
                "Outbox__Http__Url must be set to the receiver of notices (or Outbox__Channel=File on a developer's machine, "
                + "or Outbox__Enabled=false where another process publishes the outbox).");
        }

        return settings;
    }

    private static NoticeChannelKind ChannelFrom(IConfiguration configuration, NoticeChannelKind fallback) =>
        ConfigurationValues.Text(configuration, "Outbox:Channel") is not { } text ? fallback
        : Enum.TryParse<NoticeChannelKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !text.Any(char.IsDigit) ? kind
        : throw new InvalidOperationException($"Configuration Outbox:Channel must be Http or File, not \"{text}\".");

    private static Uri? UrlFrom(IConfiguration configuration) =>
        ConfigurationValues.Text(configuration, "Outbox:Http:Url") is not { } text ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url
        : throw new InvalidOperationException($"Configuration Outbox:Http:Url must be an absolute http or https URL, not \"{text}\".");
}
