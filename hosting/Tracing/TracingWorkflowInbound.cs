using System.Diagnostics;
using Temporalio.Api.Common.V1;
using Temporalio.Worker.Interceptors;
using Temporalio.Workflows;

namespace Sykefravaer.Hosting.Tracing;

/// <summary>
/// Inside a workflow: the run and each signal continue the trace their header carries. A span here is started and
/// stopped at once (a workflow may resume in another process, where no .NET span can follow) and only when not
/// replaying; the context is kept either way, deterministically from the history's headers, and becomes the parent of
/// the activities the workflow schedules next.
/// </summary>
internal sealed class TracingWorkflowInbound(WorkflowInboundInterceptor next) : WorkflowInboundInterceptor(next)
{
    private ActivityContext _current;

    public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new TracingWorkflowOutbound(outbound, this));

    public override Task<object?> ExecuteWorkflowAsync(ExecuteWorkflowInput input)
    {
        var run = Mark($"RunWorkflow:{Workflow.Info.WorkflowType}", TraceHeader.Read(Workflow.Info.Headers));

        // A signal-with-start delivers its signal before the run begins: the signal's work stays under the signal.
        if (_current == default)
        {
            _current = run;
        }

        return base.ExecuteWorkflowAsync(input);
    }

    public override Task HandleSignalAsync(HandleSignalInput input)
    {
        var signalContext = TraceHeader.Read(input.Headers);
        _current = Mark($"HandleSignal:{input.Signal}", signalContext == default ? _current : signalContext);
        return base.HandleSignalAsync(input);
    }

    /// <summary>A span for an outbound call, its context to send: the current context on replay.</summary>
    internal ActivityContext Outbound(string name) => Mark(name, _current);

    private static ActivityContext Mark(string name, ActivityContext parent)
    {
        if (Workflow.Unsafe.IsReplaying)
        {
            return parent;
        }

        // Not the workflow's own code: the SDK's check for non-deterministic calls need not see the clock read here.
        return Workflow.Unsafe.WithTracingEventListenerDisabled(() =>
        {
            // Started and stopped here, and never left as the current span of the workflow's code.
            var previous = Activity.Current;
            using var span = EngineTracing.Workflows.StartActivity(name, ActivityKind.Internal, parent);
            Activity.Current = previous;
            return span?.Context ?? parent;
        });
    }

    private sealed class TracingWorkflowOutbound(WorkflowOutboundInterceptor next, TracingWorkflowInbound inbound) : WorkflowOutboundInterceptor(next)
    {
        public override Task<TResult> ScheduleActivityAsync<TResult>(ScheduleActivityInput input) =>
            base.ScheduleActivityAsync<TResult>(input with { Headers = WithContext(input.Headers, $"StartActivity:{input.Activity}") });

        public override Task<TResult> ScheduleLocalActivityAsync<TResult>(ScheduleLocalActivityInput input) =>
            base.ScheduleLocalActivityAsync<TResult>(input with { Headers = WithContext(input.Headers, $"StartActivity:{input.Activity}") });

        private Dictionary<string, Payload> WithContext(IDictionary<string, Payload>? headers, string name)
        {
            var copy = TraceHeader.CopyOf(headers);
            TraceHeader.Write(copy, inbound.Outbound(name));
            return copy;
        }
    }
}
