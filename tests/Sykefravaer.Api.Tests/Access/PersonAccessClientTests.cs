using Sykefravaer.Api.Access;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Embedded.Access;

namespace Sykefravaer.Api.Tests.Access;

/// <summary>The access client against a real access service on loopback: its answers, a slow, a broken and a
/// stopped service (each refuses the read), and a cache that keeps answers for a short while and never failures.</summary>
public sealed class PersonAccessClientTests : IAsyncLifetime
{
    private const string Veileder = "Z700001";
    private readonly SetClock _clock = new();
    private readonly HttpClient _http = new();
    private LoopbackAccessService _service = null!;

    public Task InitializeAsync()
    {
        _service = LoopbackAccessService.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task It_says_whom_a_veileder_may_see_one_by_one_and_in_a_list()
    {
        _service.Deny(Veileder, "person-b");
        var client = Client(cache: TimeSpan.Zero);

        Assert.True(await client.MaySeeAsync(Bearer(Veileder), Veileder, "person-a", default));
        Assert.False(await client.MaySeeAsync(Bearer(Veileder), Veileder, "person-b", default));
        Assert.Equal(["person-a", "person-c"], (await client.VisibleAsync(Bearer(Veileder), Veileder, ["person-a", "person-b", "person-c"], default)).Order());
    }

    [Fact]
    public async Task A_service_that_is_slow_broken_or_stopped_refuses_the_read_and_says_why()
    {
        // Only the slow case has a short timeout: on a loaded machine a first connection can take longer than it.
        var client = Client(cache: TimeSpan.Zero);

        _service.Delay = TimeSpan.FromSeconds(2);
        var slow = await Assert.ThrowsAsync<PersonReadUnavailableException>(() => Client(cache: TimeSpan.Zero, timeout: TimeSpan.FromMilliseconds(200)).MaySeeAsync(Bearer(Veileder), Veileder, "person-a", default));
        _service.Delay = TimeSpan.Zero;
        _service.Failing = true;
        var broken = await Assert.ThrowsAsync<PersonReadUnavailableException>(() => client.VisibleAsync(Bearer(Veileder), Veileder, ["person-a"], default));
        _service.Failing = false;
        await _service.DisposeAsync();
        var stopped = await Assert.ThrowsAsync<PersonReadUnavailableException>(() => client.MaySeeAsync(Bearer(Veileder), Veileder, "person-a", default));
        _service = LoopbackAccessService.Start();

        Assert.Contains("did not answer within 0.2 s", slow.Message, StringComparison.Ordinal);
        Assert.Contains("answered 500", broken.Message, StringComparison.Ordinal);
        Assert.Contains("could not be reached", stopped.Message, StringComparison.Ordinal);
        Assert.All([slow, broken, stopped], e => Assert.Equal("The access service", e.Dependency));
    }

    [Fact]
    public async Task Answers_are_reused_until_the_cache_duration_has_passed_and_failures_are_never_kept()
    {
        var client = Client(cache: TimeSpan.FromMinutes(1));
        _service.Failing = true;
        await Assert.ThrowsAsync<PersonReadUnavailableException>(() => client.MaySeeAsync(Bearer(Veileder), Veileder, "person-a", default));
        _service.Failing = false;

        Assert.True(await client.MaySeeAsync(Bearer(Veileder), Veileder, "person-a", default));
        var asked = _service.QuestionsAbout(Veileder);
        _service.DenyAll(Veileder);
        Assert.True(await client.MaySeeAsync(Bearer(Veileder), Veileder, "person-a", default));
        Assert.Equal(["person-a"], await client.VisibleAsync(Bearer(Veileder), Veileder, ["person-a"], default));
        Assert.Equal(asked, _service.QuestionsAbout(Veileder));

        _clock.Now += TimeSpan.FromMinutes(1);
        Assert.False(await client.MaySeeAsync(Bearer(Veileder), Veileder, "person-a", default));
        Assert.Equal(asked + 1, _service.QuestionsAbout(Veileder));
    }

    private PersonAccessClient Client(TimeSpan cache, TimeSpan? timeout = null)
    {
        var settings = new AccessSettings { BaseAddress = _service.BaseAddress, CacheDuration = cache, Timeout = timeout ?? TimeSpan.FromSeconds(2) };
        // No token exchange configured: the veileder's token is forwarded as it came (TokenExchangeTests exchange it).
        return AccessClients.Client(_http, settings, _clock);
    }

    private static string Bearer(string navIdent) => $"Bearer {ApiClient.Token(["veileder"], navIdent)}";
}
