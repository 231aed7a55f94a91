using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sykefravaer.Persistence.Outbox;

namespace Sykefravaer.Hosting.Outbox;

/// <summary>The hosted notice publisher and its channel, over the host's <see cref="NpgsqlDataSource"/>.</summary>
public static class OutboxServices
{
    /// <summary>Registers the publisher. Its settings are read when first resolved (a host may add configuration
    /// after this call); <paramref name="dataFolder"/> is where the file channel writes unless
    /// <c>Outbox__File__Path</c> says otherwise.</summary>
    public static IServiceCollection AddNoticeOutbox(this IServiceCollection services, string dataFolder)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => OutboxSettings.From(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>(), dataFolder));
        services.AddSingleton(provider => new OutboxPublisher(
            provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<OutboxSettings>().Publisher));
        services.AddHttpClient(HttpNoticeChannel.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<INoticeChannel>(provider =>
        {
            var settings = provider.GetRequiredService<OutboxSettings>();
            return settings.Channel == NoticeChannelKind.File
                ? new FileNoticeChannel(settings.FilePath, provider.GetRequiredService<ILogger<FileNoticeChannel>>())
                : new HttpNoticeChannel(provider.GetRequiredService<IHttpClientFactory>(), settings.Http);
        });
        services.AddHostedService<OutboxPublisherService>();
        return services;
    }
}
