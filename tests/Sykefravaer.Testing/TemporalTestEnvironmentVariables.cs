namespace Sykefravaer.Testing;

/// <summary>The environment variables that choose and configure the Temporal server tests run against.</summary>
public static class TemporalTestEnvironmentVariables
{
    /// <summary><c>offline</c> (default), <c>offline-dev</c>, <c>time-skipping</c>, <c>dev</c> or <c>existing</c>.</summary>
    public const string Server = "TEMPORAL_TEST_SERVER";

    /// <summary>A local binary for <c>time-skipping</c> or <c>dev</c>, instead of letting the SDK download one.</summary>
    public const string ServerPath = "TEMPORAL_TEST_SERVER_PATH";

    /// <summary>Host and port for <c>existing</c>; default <c>localhost:7233</c>.</summary>
    public const string Address = "TEMPORAL_ADDRESS";

    /// <summary>Namespace for <c>existing</c>; default <c>default</c>.</summary>
    public const string Namespace = "TEMPORAL_NAMESPACE";
}
