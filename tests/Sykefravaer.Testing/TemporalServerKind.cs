namespace Sykefravaer.Testing;

/// <summary>Which Temporal server a test run talks to; chosen by <see cref="TemporalTestEnvironmentVariables.Server"/>.</summary>
public enum TemporalServerKind
{
    /// <summary>This repository's offline server with time skipping (the default).</summary>
    Offline,

    /// <summary>This repository's offline server started as a dev server: real time.</summary>
    OfflineDev,

    /// <summary>Temporal's own Java time-skipping test server.</summary>
    TimeSkipping,

    /// <summary>The Temporal CLI dev server: a full server in real time.</summary>
    Dev,

    /// <summary>A server that is already running; nothing is started or stopped.</summary>
    Existing,
}
