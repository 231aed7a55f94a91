using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sykefravaer.Api.Reads;

/// <summary>Describes the work list's query parameters in the OpenAPI document as what they are (whole numbers,
/// dates, task codes): the endpoint takes them as text only so that <see cref="WorkListQuery"/> can name one that
/// does not parse.</summary>
internal static class WorkListParameters
{
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            (parameter.Schema, parameter.Description) = parameter.Name switch
            {
                "code" => (Text(WorkListQuery.TaskCodePattern), "Only tasks with this code, e.g. AKTIVITETSKRAV_VURDERING."),
                "dueFrom" => (Date(), "Only tasks due on or after this day."),
                "dueTo" => (Date(), "Only tasks due on or before this day."),
                "page" => (Whole(WorkListQuery.MaxPage), "1-based; default 1."),
                "pageSize" => (Whole(WorkListQuery.MaxPageSize), $"Default {WorkListQuery.DefaultPageSize}."),
                _ => (parameter.Schema, parameter.Description),
            };
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(string pattern) => new() { Type = JsonSchemaType.String, Pattern = pattern };

    private static OpenApiSchema Date() => new() { Type = JsonSchemaType.String, Format = "date" };

    private static OpenApiSchema Whole(int max) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = "1",
        Maximum = max.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
