namespace Sykefravaer.Persistence.Outbox;

/// <summary>
/// Thrown by a channel adapter when a delivery fails. Its message is stored in <c>notice_outbox.last_error</c>, so
/// the adapter promises it holds no personal data; any other exception is recorded by its type name only.
/// </summary>
public sealed class NoticeDeliveryException : Exception
{
    public NoticeDeliveryException()
    {
    }

    public NoticeDeliveryException(string message)
        : base(message)
    {
    }

    public NoticeDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
