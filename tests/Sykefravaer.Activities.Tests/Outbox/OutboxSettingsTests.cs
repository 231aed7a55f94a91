using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Sykefravaer.Hosting.Outbox;

namespace Sykefravaer.Activities.Tests.Outbox;

/// <summary>The publisher's settings: the defaults on a developer's machine and in a deployment, and a start-up
/// refused, naming the key, for a value that cannot be right.</summary>
public sealed class OutboxSettingsTests
{
    [Fact]
    public void A_deployment_defaults_to_the_http_channel_and_refuses_to_start_without_its_url()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read("Production", []));

        Assert.StartsWith("Outbox__Http__Url must be set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deployment_with_a_url_has_the_defaults()
    {
        var settings = Read("Production", new() { ["Outbox:Http:Url"] = "https://varsel.intern.nav.no/notices", ["Outbox:Http:Token"] = "s3cret" });

        Assert.Equal(NoticeChannelKind.Http, settings.Channel);
        Assert.True(settings.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.PollInterval);
        Assert.Equal((20, 10, TimeSpan.FromMinutes(1)), (settings.Publisher.BatchSize, settings.Publisher.MaxAttempts, settings.Publisher.RetryDelay));
        Assert.Equal(TimeSpan.FromSeconds(10), settings.Http.Timeout);
        Assert.DoesNotContain("s3cret", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_deployment_that_publishes_elsewhere_needs_no_url()
    {
        Assert.False(Read("Production", new() { ["Outbox:Enabled"] = "false" }).Enabled);
    }

    [Theory]
    [InlineData("Development", null)]
    [InlineData("Production", "true")]
    public void On_a_developers_machine_notices_go_to_a_file_in_the_data_folder(string environment, string? embedded)
    {
        var settings = Read(environment, new() { ["Engine:Embedded"] = embedded }, dataFolder: "/tmp/engine-data");

        Assert.Equal(NoticeChannelKind.File, settings.Channel);
        Assert.Equal("/tmp/engine-data/notices.jsonl", settings.FilePath);
    }

    [Theory]
    [InlineData("Outbox:Enabled", "yes", "Configuration Outbox:Enabled must be true or false, not \"yes\".")]
    [InlineData("Outbox:PollInterval", "0", "Configuration Outbox:PollInterval must be a positive time span such as 06:00:00, not \"0\".")]
    [InlineData("Outbox:BatchSize", "0", "Configuration Outbox:BatchSize must be a whole number of at least 1, not \"0\".")]
    [InlineData("Outbox:MaxAttempts", "ten", "Configuration Outbox:MaxAttempts must be a whole number of at least 1, not \"ten\".")]
    [InlineData("Outbox:RetryDelay", "-00:01:00", "Configuration Outbox:RetryDelay must be a positive time span such as 06:00:00, not \"-00:01:00\".")]
    [InlineData("Outbox:Channel", "Kafka", "Configuration Outbox:Channel must be Http or File, not \"Kafka\".")]
    [InlineData("Outbox:Channel", "1", "Configuration Outbox:Channel must be Http or File, not \"1\".")]
    [InlineData("Outbox:Http:Url", "varsel.nav.no", "Configuration Outbox:Http:Url must be an absolute http or https URL, not \"varsel.nav.no\".")]
    [InlineData("Outbox:Http:Timeout", "soon", "Configuration Outbox:Http:Timeout must be a positive time span such as 06:00:00, not \"soon\".")]
    public void A_value_that_cannot_be_right_is_refused_naming_the_key(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Read("Production", new() { ["Outbox:Http:Url"] = "https://varsel.intern.nav.no/notices", [key] = value }));

        Assert.Equal(message, error.Message);
    }

    private static OutboxSettings Read(string environment, Dictionary<string, string?> values, string dataFolder = ".data") =>
        OutboxSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), new Environment(environment), dataFolder);

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
