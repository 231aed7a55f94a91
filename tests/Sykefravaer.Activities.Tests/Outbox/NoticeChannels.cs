using Microsoft.Extensions.DependencyInjection;
using Sykefravaer.Hosting.Outbox;

namespace Sykefravaer.Activities.Tests.Outbox;

/// <summary>The HTTP channel as the worker registers it (the named client of <see cref="IHttpClientFactory"/>).</summary>
internal static class NoticeChannels
{
    public const string Token = "outbox-test-token";

    private static readonly IHttpClientFactory Clients = new ServiceCollection()
        .AddHttpClient(HttpNoticeChannel.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan).Services
        .BuildServiceProvider()
        .GetRequiredService<IHttpClientFactory>();

    public static HttpNoticeChannel Http(Uri url, string? token = Token, TimeSpan? timeout = null) =>
        new(Clients, new HttpChannelSettings(url, token, timeout ?? TimeSpan.FromSeconds(10)));
}
