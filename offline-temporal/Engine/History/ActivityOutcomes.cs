using Temporalio.Api.History.V1;

namespace Sykefravaer.OfflineTemporal.Engine.History;

/// <summary>The four events that resolve an activity, and the started event id each of them refers to.</summary>
internal static class ActivityOutcomes
{
    /// <summary>Sets the outcome's started event id, when <paramref name="historyEvent"/> is an outcome and an attempt was started.</summary>
    public static void ReferToStartedEvent(HistoryEvent historyEvent, long startedEventId)
    {
        if (startedEventId == 0)
        {
            return;
        }
        switch (historyEvent.AttributesCase)
        {
            case HistoryEvent.AttributesOneofCase.ActivityTaskCompletedEventAttributes:
                historyEvent.ActivityTaskCompletedEventAttributes.StartedEventId = startedEventId;
                break;
            case HistoryEvent.AttributesOneofCase.ActivityTaskFailedEventAttributes:
                historyEvent.ActivityTaskFailedEventAttributes.StartedEventId = startedEventId;
                break;
            case HistoryEvent.AttributesOneofCase.ActivityTaskTimedOutEventAttributes:
                historyEvent.ActivityTaskTimedOutEventAttributes.StartedEventId = startedEventId;
                break;
            case HistoryEvent.AttributesOneofCase.ActivityTaskCanceledEventAttributes:
                historyEvent.ActivityTaskCanceledEventAttributes.StartedEventId = startedEventId;
                break;
        }
    }

    /// <summary>The scheduled event id of the activity an outcome resolves, or null if the event is no outcome.</summary>
    public static long? ScheduledEventIdOf(HistoryEvent historyEvent) => historyEvent.AttributesCase switch
    {
        HistoryEvent.AttributesOneofCase.ActivityTaskCompletedEventAttributes => historyEvent.ActivityTaskCompletedEventAttributes.ScheduledEventId,
        HistoryEvent.AttributesOneofCase.ActivityTaskFailedEventAttributes => historyEvent.ActivityTaskFailedEventAttributes.ScheduledEventId,
        HistoryEvent.AttributesOneofCase.ActivityTaskTimedOutEventAttributes => historyEvent.ActivityTaskTimedOutEventAttributes.ScheduledEventId,
        HistoryEvent.AttributesOneofCase.ActivityTaskCanceledEventAttributes => historyEvent.ActivityTaskCanceledEventAttributes.ScheduledEventId,
        _ => null,
    };
}
