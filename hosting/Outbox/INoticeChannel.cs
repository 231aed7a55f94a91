using Sykefravaer.Persistence.Outbox;

namespace Sykefravaer.Hosting.Outbox;

/// <summary>Delivers one notice. Returning means the receiver has it; a failure throws, a
/// <see cref="NoticeDeliveryException"/> with a message free of personal data (it is stored in
/// <c>notice_outbox.last_error</c> and logged).</summary>
public interface INoticeChannel
{
    Task DeliverAsync(OutboxNotice notice, CancellationToken cancellationToken);
}
