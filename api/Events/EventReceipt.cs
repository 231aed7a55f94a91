namespace Sykefravaer.Api.Events;

/// <summary>The answer to an accepted event, the same for its duplicates: the event is durable in Temporal and
/// the case will apply it.</summary>
public sealed record EventReceipt(string Type, string Id, string Status)
{
    public static EventReceipt Accepted(string type, string id) => new(type, id, "ACCEPTED");
}
