using System.Diagnostics;
using Temporalio.Api.Common.V1;
using Temporalio.Converters;

namespace Sykefravaer.Hosting.Tracing;

/// <summary>
/// The trace context in a Temporal header: a JSON object of W3C trace context fields (<c>traceparent</c>, and
/// <c>tracestate</c> when there is one) under <see cref="EngineTracing.HeaderKey"/>, the carrier every Temporal SDK
/// reads. Plain JSON through the default payload converter: it holds ids only, nothing of a person.
/// </summary>
public static class TraceHeader
{
    public static void Write(IDictionary<string, Payload> headers, ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (context == default)
        {
            return;
        }

        var carrier = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["traceparent"] = $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{((context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00")}",
        };
        if (!string.IsNullOrEmpty(context.TraceState))
        {
            carrier["tracestate"] = context.TraceState;
        }

        headers[EngineTracing.HeaderKey] = DataConverter.Default.PayloadConverter.ToPayload(carrier);
    }

    /// <summary>The context in <paramref name="headers"/>, or default when there is none or it cannot be read (a
    /// broken header must not fail a workflow task or an activity).</summary>
    public static ActivityContext Read(IReadOnlyDictionary<string, Payload>? headers)
    {
        if (headers is null || !headers.TryGetValue(EngineTracing.HeaderKey, out var payload))
        {
            return default;
        }

        try
        {
            var carrier = DataConverter.Default.PayloadConverter.ToValue<Dictionary<string, string>>(payload);
            return carrier.TryGetValue("traceparent", out var parent)
                && ActivityContext.TryParse(parent, carrier.GetValueOrDefault("tracestate"), isRemote: true, out var context)
                    ? context
                    : default;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            return default;
        }
    }

    /// <summary>Headers to add to: the input's own when it has any, else a new dictionary.</summary>
    public static Dictionary<string, Payload> CopyOf(IDictionary<string, Payload>? headers) =>
        headers is null ? new(StringComparer.Ordinal) : new(headers, StringComparer.Ordinal);
}
