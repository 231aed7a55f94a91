using Temporalio.Api.Workflow.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Visibility;

/// <summary>The attributes a visibility query can test on one run: system attributes and its search attributes.</summary>
internal static class VisibilityRecord
{
    public static Func<string, object?> Of(WorkflowExecutionInfo info) => name => name switch
    {
        "WorkflowId" => info.Execution.WorkflowId,
        "RunId" => info.Execution.RunId,
        "WorkflowType" => info.Type.Name,
        "ExecutionStatus" => info.Status.ToString(),
        "TaskQueue" => info.TaskQueue,
        "StartTime" => info.StartTime?.ToDateTime(),
        "CloseTime" => info.CloseTime?.ToDateTime(),
        "ExecutionTime" => info.ExecutionTime?.ToDateTime(),
        "HistoryLength" => (double)info.HistoryLength,
        "StateTransitionCount" => (double)info.StateTransitionCount,
        "ExecutionDuration" => info.ExecutionDuration is { } duration ? (double)duration.ToTimeSpan().Ticks * 100 : null,
        _ => info.SearchAttributes?.IndexedFields.TryGetValue(name, out var payload) == true
            ? Normalize(SearchAttributeValues.Decode(payload))
            : null,
    };

    // Date-time search attributes arrive as ISO strings; make them comparable as times when they parse as such.
    private static object? Normalize(object? value) =>
        value is string text && text.Length >= 20 && text[4] == '-' && SearchAttributeValues.AsDateTime(text) is { } time ? time : value;
}
