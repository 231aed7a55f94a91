using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Workflow.V1;
using Temporalio.Api.WorkflowService.V1;
using Sykefravaer.OfflineTemporal.Engine;
using Sykefravaer.OfflineTemporal.Engine.Visibility;
using Sykefravaer.OfflineTemporal.Hosting;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>Describe, list and count workflow executions.</summary>
internal sealed class VisibilityHandlers(TemporalEngine engine) : IRpcHandlers
{
    private const int DefaultPageSize = 1000;

    public void Register(RpcRouteTable routes)
    {
        var service = WorkflowServiceEndpoint.Service;
        routes.Add<DescribeWorkflowExecutionRequest, DescribeWorkflowExecutionResponse>(service, "DescribeWorkflowExecution", (request, _) =>
            Task.FromResult(engine.Store.Find(request.Namespace, request.Execution.WorkflowId, request.Execution.RunId).Describe()));
        routes.Add<ListWorkflowExecutionsRequest, ListWorkflowExecutionsResponse>(service, "ListWorkflowExecutions", (request, _) => Task.FromResult(List(request)));
        routes.Add<CountWorkflowExecutionsRequest, CountWorkflowExecutionsResponse>(service, "CountWorkflowExecutions", (request, _) => Task.FromResult(Count(request)));
    }

    private ListWorkflowExecutionsResponse List(ListWorkflowExecutionsRequest request)
    {
        var offset = request.NextPageToken.IsEmpty ? 0 : int.Parse(request.NextPageToken.ToStringUtf8(), CultureInfo.InvariantCulture);
        var pageSize = request.PageSize > 0 ? request.PageSize : DefaultPageSize;
        // Newest first, as Temporal lists them.
        var matches = Matching(request.Namespace, request.Query)
            .OrderByDescending(info => info.StartTime.ToDateTime())
            .ThenBy(info => info.Execution.RunId, StringComparer.Ordinal)
            .ToList();
        var response = new ListWorkflowExecutionsResponse();
        response.Executions.AddRange(matches.Skip(offset).Take(pageSize));
        if (offset + pageSize < matches.Count)
        {
            response.NextPageToken = ByteString.CopyFromUtf8((offset + pageSize).ToString(CultureInfo.InvariantCulture));
        }
        return response;
    }

    private CountWorkflowExecutionsResponse Count(CountWorkflowExecutionsRequest request)
    {
        var (filter, groupBy) = SplitGroupBy(request.Query);
        var matches = Matching(request.Namespace, filter).ToList();
        var response = new CountWorkflowExecutionsResponse { Count = matches.Count };
        if (groupBy is not null)
        {
            foreach (var group in matches.GroupBy(info => info.Status))
            {
                var aggregation = new CountWorkflowExecutionsResponse.Types.AggregationGroup { Count = group.Count() };
                aggregation.GroupValues.Add(new Payload
                {
                    Metadata = { ["encoding"] = ByteString.CopyFromUtf8("json/plain") },
                    Data = ByteString.CopyFromUtf8($"\"{group.Key}\""),
                });
                response.Groups.Add(aggregation);
            }
        }
        return response;
    }

    /// <summary>Splits off a trailing <c>GROUP BY ExecutionStatus</c>, the only grouping Temporal supports.</summary>
    private static (string Filter, string? GroupBy) SplitGroupBy(string query)
    {
        var at = query.LastIndexOf("GROUP BY", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return (query, null);
        }
        var field = query[(at + "GROUP BY".Length)..].Trim();
        if (field != "ExecutionStatus")
        {
            throw RpcErrors.InvalidArgument($"'GROUP BY' clause is only supported for ExecutionStatus, not {field}");
        }
        return (query[..at], field);
    }

    private IEnumerable<WorkflowExecutionInfo> Matching(string ns, string query)
    {
        engine.Namespaces.IdOf(ns);
        VisibilityQuery filter;
        try
        {
            filter = VisibilityQuery.Parse(query);
        }
        catch (FormatException error)
        {
            throw RpcErrors.InvalidArgument($"invalid query: {error.Message}");
        }
        if (filter.Fields.FirstOrDefault(field => !engine.SearchAttributes.IsDefined(field)) is { } unknown)
        {
            throw RpcErrors.InvalidArgument($"invalid query: unknown or unsupported search attribute {unknown}");
        }
        return engine.Store.RunsIn(ns).Select(run => run.Info()).Where(info => filter.Matches(VisibilityRecord.Of(info)));
    }
}
