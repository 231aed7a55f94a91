using System.ComponentModel;
using System.Text.Json;
using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Api.Reads;

/// <summary>What a veileder closes a task with: nothing, or for a KARTLEGGING_SVAR task the vurdering
/// (<see cref="TaskVurderinger"/>). The body may be left out for a task that takes none.</summary>
public sealed record TaskDoneBody
{
    [Description("Only for KARTLEGGING_SVAR and KARTLEGGING_SVAR_RISIKO tasks, and required there: RISIKO_FOR_LANGTIDSFRAVAR or IKKE_RISIKO_FOR_LANGTIDSFRAVAR.")]
    public string? Vurdering { get; init; }

    /// <summary>The vurdering in the request, or null when there is none; a body that is not this object is reported
    /// to <paramref name="errors"/>.</summary>
    public static async Task<string?> VurderingOfAsync(HttpRequest request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.HasJsonContentType()))
        {
            return null;
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add("(body)", "must be a JSON object like {\"vurdering\": \"IKKE_RISIKO_FOR_LANGTIDSFRAVAR\"}");
                return null;
            }

            string? vurdering = null;
            foreach (var property in body.RootElement.EnumerateObject())
            {
                if (property.Name != "vurdering")
                {
                    errors.Add(property.Name, "is not a field of a task's closing");
                }
                else if (property.Value.ValueKind == JsonValueKind.String)
                {
                    vurdering = property.Value.GetString();
                }
                else if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    errors.Add("vurdering", "must be a string");
                }
            }

            return vurdering;
        }
        catch (JsonException)
        {
            errors.Add("(body)", "is not valid JSON");
            return null;
        }
    }
}
