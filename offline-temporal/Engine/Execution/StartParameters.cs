using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Sdk.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>Everything a new run is started with, whether by a client or by continue-as-new.</summary>
internal sealed record StartParameters
{
    public required string Namespace { get; init; }

    public required string WorkflowId { get; init; }

    public required WorkflowType WorkflowType { get; init; }

    public required string TaskQueue { get; init; }

    public Payloads? Input { get; init; }

    public TimeSpan ExecutionTimeout { get; init; }

    public TimeSpan RunTimeout { get; init; }

    public TimeSpan WorkflowTaskTimeout { get; init; }

    public string Identity { get; init; } = "";

    public string RequestId { get; init; } = "";

    public RetryPolicy? RetryPolicy { get; init; }

    public Memo? Memo { get; init; }

    public SearchAttributes? SearchAttributes { get; init; }

    public Header? Header { get; init; }

    public UserMetadata? UserMetadata { get; init; }

    public Priority? Priority { get; init; }

    /// <summary>How long to wait before the first workflow task (start delay or continue-as-new backoff).</summary>
    public TimeSpan FirstTaskDelay { get; init; }

    public string? ContinuedFromRunId { get; init; }

    public ContinueAsNewInitiator Initiator { get; init; }

    public Failure? ContinuedFailure { get; init; }

    public Payloads? LastCompletionResult { get; init; }

    /// <summary>Run id of the first run in the chain, or null when this run starts a chain.</summary>
    public string? FirstExecutionRunId { get; init; }

    /// <summary>When the whole chain must be done (from the execution timeout of its first run).</summary>
    public DateTime? ExecutionExpiration { get; init; }

    public int Attempt { get; init; } = 1;

    /// <summary>The parameters a restored run was started with, read back from its started event.</summary>
    public static StartParameters FromStartedEvent(
        string ns, string requestId, WorkflowExecutionStartedEventAttributes started, UserMetadata? userMetadata) => new()
    {
        Namespace = ns,
        WorkflowId = started.WorkflowId,
        WorkflowType = started.WorkflowType,
        TaskQueue = started.TaskQueue.Name,
        Input = started.Input,
        ExecutionTimeout = started.WorkflowExecutionTimeout?.ToTimeSpan() ?? TimeSpan.Zero,
        RunTimeout = started.WorkflowRunTimeout?.ToTimeSpan() ?? TimeSpan.Zero,
        WorkflowTaskTimeout = started.WorkflowTaskTimeout?.ToTimeSpan() ?? TimeSpan.Zero,
        Identity = started.Identity,
        RequestId = requestId,
        RetryPolicy = started.RetryPolicy,
        Memo = started.Memo,
        SearchAttributes = started.SearchAttributes,
        Header = started.Header,
        UserMetadata = userMetadata,
        Priority = started.Priority,
        FirstTaskDelay = started.FirstWorkflowTaskBackoff?.ToTimeSpan() ?? TimeSpan.Zero,
        ContinuedFromRunId = started.ContinuedExecutionRunId.Length > 0 ? started.ContinuedExecutionRunId : null,
        Initiator = started.Initiator,
        ContinuedFailure = started.ContinuedFailure,
        LastCompletionResult = started.LastCompletionResult,
        FirstExecutionRunId = started.FirstExecutionRunId == started.OriginalExecutionRunId ? null : started.FirstExecutionRunId,
        ExecutionExpiration = started.WorkflowExecutionExpirationTime?.ToDateTime(),
        Attempt = started.Attempt,
    };
}
