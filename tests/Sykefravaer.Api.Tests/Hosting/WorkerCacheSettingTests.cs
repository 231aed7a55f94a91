using Microsoft.Extensions.Configuration;
using Sykefravaer.Hosting;

namespace Sykefravaer.Api.Tests.Hosting;

/// <summary>The worker's workflow cache is sized by configuration; a size that cannot be right stops the start-up
/// with a message that names the key, rather than running with a cache nobody asked for.</summary>
public sealed class WorkerCacheSettingTests
{
    [Fact]
    public void Without_configuration_the_worker_caches_the_default_number_of_cases() =>
        Assert.Equal(EngineSettings.DefaultMaxCachedWorkflows, Settings(null).MaxCachedWorkflows);

    [Fact]
    public void A_configured_size_is_used() =>
        Assert.Equal(2_500, Settings("2500").MaxCachedWorkflows);

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    public void A_size_that_is_not_a_positive_whole_number_is_refused_with_the_key_named(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Settings(value));

        Assert.Contains("Worker:MaxCachedWorkflows", error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    private static EngineSettings Settings(string? maxCachedWorkflows) =>
        EngineSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Worker:MaxCachedWorkflows"] = maxCachedWorkflows })
            .Build());
}
