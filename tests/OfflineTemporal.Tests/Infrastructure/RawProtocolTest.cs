using Google.Protobuf;
using Temporalio.Api.Command.V1;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Exceptions;

namespace OfflineTemporal.Tests.Infrastructure;

/// <summary>
/// Base of tests that play the worker themselves through the raw WorkflowService calls, so that inputs racing a
/// workflow task happen in a fixed order rather than by timing luck. Their workflows have no code anywhere; each test
/// polls its own fresh queue and answers with the commands it wants the server to judge.
/// </summary>
public abstract class RawProtocolTest(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    /// <summary>The identity the test's raw calls report.</summary>
    protected const string Identity = "raw-protocol-test";

    /// <summary>Starts a workflow on a fresh queue that no worker polls.</summary>
    protected async Task<(string Queue, WorkflowExecution Execution)> StartWithoutWorkerAsync(string purpose)
    {
        var queue = UniqueId("raw-queue");
        var handle = await Client.StartWorkflowAsync("RawProtocolWorkflow", [], new(UniqueId(purpose), queue));
        return (queue, new WorkflowExecution { WorkflowId = handle.Id, RunId = handle.ResultRunId ?? "" });
    }

    /// <summary>Long-polls the workflow queue <paramref name="queue"/> (normal kind) for a task.</summary>
    protected Task<PollWorkflowTaskQueueResponse> PollAsync(string queue) =>
        Client.WorkflowService.PollWorkflowTaskQueueAsync(new PollWorkflowTaskQueueRequest
        {
            Namespace = Client.Options.Namespace,
            TaskQueue = new TaskQueue { Name = queue, Kind = TaskQueueKind.Normal },
            Identity = Identity,
        });

    /// <summary>Sends a signal without arguments.</summary>
    protected Task SignalAsync(WorkflowExecution execution, string signalName) =>
        Client.WorkflowService.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest
        {
            Namespace = Client.Options.Namespace,
            WorkflowExecution = execution,
            SignalName = signalName,
            Identity = Identity,
            RequestId = Guid.NewGuid().ToString(),
        });

    /// <summary>Completes the workflow task <paramref name="taskToken"/> with <paramref name="commands"/>.</summary>
    protected Task CompleteAsync(ByteString taskToken, params Command[] commands) =>
        Client.WorkflowService.RespondWorkflowTaskCompletedAsync(new RespondWorkflowTaskCompletedRequest
        {
            Namespace = Client.Options.Namespace,
            TaskToken = taskToken,
            Commands = { commands },
            Identity = Identity,
        });

    /// <summary>A command completing the workflow with <paramref name="result"/>.</summary>
    protected static Command CompleteCommand(string result) => new()
    {
        CommandType = CommandType.CompleteWorkflowExecution,
        CompleteWorkflowExecutionCommandAttributes = new()
        {
            Result = new Payloads { Payloads_ = { Temporalio.Converters.DataConverter.Default.PayloadConverter.ToPayload(result) } },
        },
    };

    /// <summary>Gets the workflow's history as it stands.</summary>
    protected async Task<IReadOnlyList<Temporalio.Api.History.V1.HistoryEvent>> HistoryAsync(WorkflowExecution execution) =>
        (await Client.GetWorkflowHandle(execution.WorkflowId).FetchHistoryAsync()).Events.ToList();

    /// <summary>Gets the type of the workflow's last event.</summary>
    protected async Task<EventType> LastEventTypeAsync(WorkflowExecution execution) => (await HistoryAsync(execution))[^1].EventType;

    /// <summary>Ends the workflow if the test left it running.</summary>
    protected async Task TerminateIfRunningAsync(WorkflowExecution execution)
    {
        try
        {
            await Client.GetWorkflowHandle(execution.WorkflowId).TerminateAsync("test cleanup");
        }
        catch (RpcException)
        {
            // Already closed.
        }
    }
}
