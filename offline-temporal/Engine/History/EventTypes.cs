using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;

namespace Sykefravaer.OfflineTemporal.Engine.History;

/// <summary>
/// Maps which attributes an event carries to its <see cref="EventType"/>, so an event's type can never disagree with
/// its attributes. The protobuf names line up: <c>TimerFiredEventAttributes</c> belongs to <c>TimerFired</c>.
/// </summary>
internal static class EventTypes
{
    private static readonly Dictionary<HistoryEvent.AttributesOneofCase, EventType> ByAttributes =
        Enum.GetValues<HistoryEvent.AttributesOneofCase>()
            .Where(attributes => attributes != HistoryEvent.AttributesOneofCase.None)
            .ToDictionary(
                attributes => attributes,
                attributes => Enum.Parse<EventType>(attributes.ToString().Replace("EventAttributes", "", StringComparison.Ordinal)));

    public static EventType Of(HistoryEvent.AttributesOneofCase attributes) =>
        ByAttributes.TryGetValue(attributes, out var type)
            ? type
            : throw new InvalidOperationException("A history event must carry attributes");
}
