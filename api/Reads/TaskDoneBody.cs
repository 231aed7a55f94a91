using System.ComponentModel;

namespace Sykefravaer.Api.Reads;

/// <summary>What a veileder closes a task with: nothing, or for a KARTLEGGING_SVAR task the vurdering
/// (<see cref="TaskVurderinger"/>). The body may be left out for a task that takes none.</summary>
public sealed record TaskDoneBody
{
    [Description("Only for KARTLEGGING_SVAR and KARTLEGGING_SVAR_RISIKO tasks, and required there: RISIKO_FOR_LANGTIDSFRAVAR or IKKE_RISIKO_FOR_LANGTIDSFRAVAR.")]
    public string? Vurdering { get; init; }

    /// <summary>Whether the request carries a body to read (a closing without one is a closing without a vurdering).</summary>
    public static bool IsSent(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.ContentType.Count > 0);
    }
}
