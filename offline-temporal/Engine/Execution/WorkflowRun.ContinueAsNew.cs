using Temporalio.Api.Command.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>Closing a run into a new one: continue-as-new, and a failed run retried under its retry policy.</summary>
internal sealed partial class WorkflowRun
{
    private void ContinueAsNew(ContinueAsNewWorkflowExecutionCommandAttributes command, long completedEventId)
    {
        var next = Start with
        {
            WorkflowType = command.WorkflowType is { Name.Length: > 0 } type ? type : WorkflowType,
            TaskQueue = command.TaskQueue is { Name.Length: > 0 } queue ? queue.Name : TaskQueue,
            Input = command.Input,
            RunTimeout = command.WorkflowRunTimeout?.ToTimeSpan() is { } runTimeout && runTimeout > TimeSpan.Zero ? runTimeout : Start.RunTimeout,
            WorkflowTaskTimeout = command.WorkflowTaskTimeout?.ToTimeSpan() is { } taskTimeout && taskTimeout > TimeSpan.Zero ? taskTimeout : WorkflowTaskTimeout,
            RetryPolicy = command.RetryPolicy ?? Start.RetryPolicy,
            Memo = command.Memo ?? Memo,
            SearchAttributes = command.SearchAttributes ?? SearchAttributes,
            Header = command.Header,
            FirstTaskDelay = command.BackoffStartInterval?.ToTimeSpan() ?? TimeSpan.Zero,
            ContinuedFromRunId = RunId,
            Initiator = command.Initiator == ContinueAsNewInitiator.Unspecified ? ContinueAsNewInitiator.Workflow : command.Initiator,
            ContinuedFailure = command.Failure,
            LastCompletionResult = command.LastCompletionResult,
            FirstExecutionRunId = FirstExecutionRunId,
            ExecutionExpiration = ExecutionExpiration,
            RequestId = Guid.NewGuid().ToString(),
            Attempt = 1,
        };
        var successor = chain.CreateRun(engine, next);
        var closeEvent = History.Append(Now, e => e.WorkflowExecutionContinuedAsNewEventAttributes = new()
        {
            NewExecutionRunId = successor.RunId,
            WorkflowType = next.WorkflowType,
            TaskQueue = new Temporalio.Api.TaskQueue.V1.TaskQueue { Name = next.TaskQueue, Kind = TaskQueueKind.Normal },
            Input = next.Input,
            WorkflowRunTimeout = ProtoDuration(next.RunTimeout),
            WorkflowTaskTimeout = ProtoDuration(next.WorkflowTaskTimeout),
            WorkflowTaskCompletedEventId = completedEventId,
            BackoffStartInterval = ProtoDuration(next.FirstTaskDelay),
            Initiator = next.Initiator,
            LastCompletionResult = next.LastCompletionResult,
            Header = next.Header,
            Memo = command.Memo,
            SearchAttributes = command.SearchAttributes,
        });
        NextRunId = successor.RunId;
        Close(WorkflowExecutionStatus.ContinuedAsNew, closeEvent);
        successor.Begin();
    }

    /// <summary>
    /// Fails the run, or, when its retry policy allows another attempt, closes it as failed with a link to the
    /// next attempt, which starts after the backoff.
    /// </summary>
    private void FailWorkflow(Failure failure, long completedEventId)
    {
        var (retryState, delay) = Start.RetryPolicy is null
            ? (RetryState.RetryPolicyNotSet, TimeSpan.Zero)
            : RetryRules.Decide(RetryRules.WithDefaults(Start.RetryPolicy), Start.Attempt, failure, Now, ExecutionExpiration);
        WorkflowRun? retry = null;
        if (retryState == RetryState.InProgress)
        {
            retry = chain.CreateRun(engine, Start with
            {
                FirstTaskDelay = delay,
                ContinuedFromRunId = RunId,
                Initiator = ContinueAsNewInitiator.Retry,
                ContinuedFailure = failure,
                FirstExecutionRunId = FirstExecutionRunId,
                ExecutionExpiration = ExecutionExpiration,
                RequestId = Guid.NewGuid().ToString(),
                Attempt = Start.Attempt + 1,
            });
        }
        var closeEvent = History.Append(Now, e => e.WorkflowExecutionFailedEventAttributes = new()
        {
            Failure = failure,
            RetryState = retryState,
            WorkflowTaskCompletedEventId = completedEventId,
            NewExecutionRunId = retry?.RunId ?? "",
        });
        NextRunId = retry?.RunId;
        Close(WorkflowExecutionStatus.Failed, closeEvent);
        retry?.Begin();
    }
}
