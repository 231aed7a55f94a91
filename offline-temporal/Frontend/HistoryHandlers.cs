using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.WorkflowService.V1;
using Sykefravaer.OfflineTemporal.Engine;
using Sykefravaer.OfflineTemporal.Hosting;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>
/// GetWorkflowExecutionHistory: pages of events, and the long poll that <c>GetResultAsync</c> uses (wait for new
/// events, optionally only the close event). The page token is the next event id to read.
/// </summary>
internal sealed class HistoryHandlers(TemporalEngine engine) : IRpcHandlers
{
    private const int DefaultPageSize = 1000;

    public void Register(RpcRouteTable routes) =>
        routes.Add<GetWorkflowExecutionHistoryRequest, GetWorkflowExecutionHistoryResponse>(
            WorkflowServiceEndpoint.Service, "GetWorkflowExecutionHistory", GetHistoryAsync);

    private async Task<GetWorkflowExecutionHistoryResponse> GetHistoryAsync(GetWorkflowExecutionHistoryRequest request, ServerCallContext context)
    {
        var execution = request.Execution ?? throw RpcErrors.InvalidArgument("Execution is not set on request.");
        var run = engine.Store.Find(request.Namespace, execution.WorkflowId, execution.RunId);
        var closeEventOnly = request.HistoryEventFilterType == HistoryEventFilterType.CloseEvent;
        var firstEventId = request.NextPageToken.IsEmpty ? 1 : long.Parse(request.NextPageToken.ToStringUtf8(), CultureInfo.InvariantCulture);
        var pageSize = request.MaximumPageSize > 0 ? request.MaximumPageSize : DefaultPageSize;
        var giveUpAt = DateTime.UtcNow + LongPoll.Budget(context, LongPoll.HistoryPollCap);
        while (true)
        {
            var (events, more, grown) = run.ReadHistory(firstEventId, pageSize, closeEventOnly);
            var response = new GetWorkflowExecutionHistoryResponse { History = new Temporalio.Api.History.V1.History() };
            response.History.Events.AddRange(events);
            if (events.Count > 0 || grown is null || !request.WaitNewEvent)
            {
                // A long poll on an open run gets a token even at the end, so that its caller keeps following it.
                if (more || (request.WaitNewEvent && !closeEventOnly && run.IsOpen))
                {
                    response.NextPageToken = Token(firstEventId + events.Count);
                }
                return response;
            }
            var remaining = giveUpAt - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || !await LongPoll.WaitAsync(grown, remaining, context.CancellationToken).ConfigureAwait(false))
            {
                // Nothing new in time. The token must not be empty: an empty page without one tells the SDK the
                // history ended, and it would fail with "event set unexpectedly empty".
                response.NextPageToken = Token(firstEventId);
                return response;
            }
        }
    }

    private static ByteString Token(long nextEventId) =>
        ByteString.CopyFromUtf8(nextEventId.ToString(CultureInfo.InvariantCulture));
}
