namespace Sykefravaer.Hosting.Outbox;

/// <summary>Where the hosted publisher delivers notices (<c>Outbox__Channel</c>).</summary>
public enum NoticeChannelKind
{
    /// <summary>POST to the receiver at <c>Outbox__Http__Url</c>: NAV's notification service, or an adapter in front
    /// of it (persistence/OUTBOX.md, "The HTTP channel").</summary>
    Http,

    /// <summary>One JSON line per notice in a local file: the one-command engine on a developer's machine, where no
    /// receiver runs.</summary>
    File,
}
