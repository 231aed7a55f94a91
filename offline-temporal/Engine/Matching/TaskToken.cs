using System.Globalization;
using System.Text;
using Google.Protobuf;
using Grpc.Core;

namespace Sykefravaer.OfflineTemporal.Engine.Matching;

/// <summary>
/// What a task token handed to a worker stands for. Tokens are opaque to workers; here they are short text so they
/// can be read in a debugger: kind, run id, and the number that identifies the task within the run. Only
/// server-generated ids go in, so no separator can appear inside a field.
/// </summary>
internal readonly record struct TaskToken(TaskTokenKind Kind, string RunId, long Id, int Attempt, string QueryId)
{
    public static ByteString ForWorkflowTask(string runId, long scheduledEventId) =>
        Encode(new TaskToken(TaskTokenKind.WorkflowTask, runId, scheduledEventId, 0, ""));

    public static ByteString ForActivityTask(string runId, long scheduledEventId, int attempt) =>
        Encode(new TaskToken(TaskTokenKind.ActivityTask, runId, scheduledEventId, attempt, ""));

    public static ByteString ForQueryTask(string runId, string queryId) =>
        Encode(new TaskToken(TaskTokenKind.QueryTask, runId, 0, 0, queryId));

    public static TaskToken Decode(ByteString token, TaskTokenKind expected)
    {
        var parts = token.ToStringUtf8().Split('|');
        if (parts.Length != 5 || !Enum.TryParse<TaskTokenKind>(parts[0], out var kind) || kind != expected)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Invalid task token"));
        }
        return new TaskToken(
            kind,
            parts[1],
            long.Parse(parts[2], CultureInfo.InvariantCulture),
            int.Parse(parts[3], CultureInfo.InvariantCulture),
            parts[4]);
    }

    private static ByteString Encode(TaskToken token) =>
        ByteString.CopyFrom(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"{token.Kind}|{token.RunId}|{token.Id}|{token.Attempt}|{token.QueryId}")));
}

internal enum TaskTokenKind
{
    WorkflowTask,
    ActivityTask,
    QueryTask,
}
