using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.WorkflowService.V1;
using Sykefravaer.OfflineTemporal.Engine;
using Sykefravaer.OfflineTemporal.Engine.Execution;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>Validates start requests and turns them into <see cref="StartParameters"/>.</summary>
internal static class StartRequests
{
    public static StartParameters From(TemporalEngine engine, StartWorkflowExecutionRequest request)
    {
        Validate(engine, request.Namespace, request.WorkflowId, request.WorkflowType?.Name, request.TaskQueue?.Name, request.CronSchedule, request.SearchAttributes);
        return new StartParameters
        {
            Namespace = request.Namespace,
            WorkflowId = request.WorkflowId,
            WorkflowType = request.WorkflowType!,
            TaskQueue = request.TaskQueue!.Name,
            Input = request.Input,
            ExecutionTimeout = Span(request.WorkflowExecutionTimeout),
            RunTimeout = Span(request.WorkflowRunTimeout),
            WorkflowTaskTimeout = Span(request.WorkflowTaskTimeout),
            Identity = request.Identity,
            RequestId = request.RequestId,
            RetryPolicy = request.RetryPolicy,
            Memo = request.Memo,
            SearchAttributes = request.SearchAttributes,
            Header = request.Header,
            UserMetadata = request.UserMetadata,
            Priority = request.Priority,
            FirstTaskDelay = Span(request.WorkflowStartDelay),
            ContinuedFailure = request.ContinuedFailure,
            LastCompletionResult = request.LastCompletionResult,
        };
    }

    /// <summary>The start half of a signal-with-start: the same fields as a start, checked the same way.</summary>
    public static StartParameters From(TemporalEngine engine, SignalWithStartWorkflowExecutionRequest request)
    {
        RpcErrors.Require(request.SignalName.Length > 0, "SignalName is not set on request.");
        return From(engine, new StartWorkflowExecutionRequest
        {
            Namespace = request.Namespace,
            WorkflowId = request.WorkflowId,
            WorkflowType = request.WorkflowType,
            TaskQueue = request.TaskQueue,
            Input = request.Input,
            WorkflowExecutionTimeout = request.WorkflowExecutionTimeout,
            WorkflowRunTimeout = request.WorkflowRunTimeout,
            WorkflowTaskTimeout = request.WorkflowTaskTimeout,
            Identity = request.Identity,
            RequestId = request.RequestId,
            RetryPolicy = request.RetryPolicy,
            CronSchedule = request.CronSchedule,
            Memo = request.Memo,
            SearchAttributes = request.SearchAttributes,
            Header = request.Header,
            UserMetadata = request.UserMetadata,
            Priority = request.Priority,
            WorkflowStartDelay = request.WorkflowStartDelay,
        });
    }

    private static void Validate(
        TemporalEngine engine, string ns, string workflowId, string? type, string? queue, string cron,
        Temporalio.Api.Common.V1.SearchAttributes? searchAttributes)
    {
        engine.Namespaces.IdOf(ns);
        RpcErrors.Require(workflowId.Length > 0, "WorkflowId is not set on request.");
        RpcErrors.Require(!string.IsNullOrEmpty(type), "WorkflowType is not set on request.");
        RpcErrors.Require(!string.IsNullOrEmpty(queue), "TaskQueue is not set on request.");
        if (cron.Length > 0)
        {
            throw RpcErrors.Unimplemented("Starting a workflow with a cron schedule");
        }
        if (searchAttributes is not null && engine.SearchAttributes.FindUnknown(searchAttributes.IndexedFields.Keys) is { } unknown)
        {
            throw RpcErrors.InvalidArgument($"search attribute {unknown} is not defined");
        }
    }

    private static TimeSpan Span(Duration? duration) => duration?.ToTimeSpan() ?? TimeSpan.Zero;
}
