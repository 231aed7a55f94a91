using Google.Protobuf;
using Microsoft.Extensions.Options;
using Npgsql;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Ingestion;
using Sykefravaer.Api.Validation;
using Sykefravaer.Persistence.Postgres.Audit;
using Temporalio.Api.Common.V1;
using Temporalio.Converters;

namespace Sykefravaer.Api.Codec;

/// <summary>
/// The codec server, for operators whose Temporal Web UI or CLI should show case data rather than ciphertext:
/// <c>POST /codec/decode</c> and <c>/codec/encode</c> in Temporal's format (a <c>Payloads</c> message as protobuf
/// JSON, the namespace in <c>X-Namespace</c>), through the engine's own codec. Anyone who may call it can read every
/// case, so it has its own role (<see cref="ApiRoles.Codec"/>), answers only for the engine's namespace, allows CORS
/// only from the configured Temporal UI origin, and records every call (who, which namespace, how many payloads;
/// never a payload) before it answers.
/// </summary>
public static class CodecEndpoints
{
    public const string CorsPolicy = "codec";

    /// <summary>Temporal's own gRPC limit for a message: a UI page of history is well below it.</summary>
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapCodecEndpoints(this IEndpointRouteBuilder routes)
    {
        var codec = routes.MapGroup("/codec")
            .WithTags("Codec")
            .RequireAuthorization(ApiRoles.CodecPolicy)
            .RequireCors(CorsPolicy);
        codec.MapPost("/decode", (HttpContext http, DataConverter converter, CodecAudit audit, TemporalSettings temporal) =>
                RunAsync(http, "DECODE", payloads => converter.PayloadCodec!.DecodeAsync(payloads), audit, temporal))
            .WithSummary("Decrypts payloads for the Temporal UI or CLI (recorded in the codec audit trail).");
        codec.MapPost("/encode", (HttpContext http, DataConverter converter, CodecAudit audit, TemporalSettings temporal) =>
                RunAsync(http, "ENCODE", payloads => converter.PayloadCodec!.EncodeAsync(payloads), audit, temporal))
            .WithSummary("Encrypts payloads as the engine does (recorded in the codec audit trail).");
        return routes;
    }

    private static async Task<IResult> RunAsync(
        HttpContext http,
        string operation,
        Func<IReadOnlyCollection<Payload>, Task<IReadOnlyCollection<Payload>>> apply,
        CodecAudit audit,
        TemporalSettings temporal)
    {
        if (http.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType();
        }

        var temporalNamespace = http.Request.Headers["X-Namespace"].ToString();
        if (string.IsNullOrWhiteSpace(temporalNamespace))
        {
            return Problems.Invalid("X-Namespace", "is required: the Temporal namespace the payloads belong to");
        }

        if (temporalNamespace != temporal.Namespace)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not this engine's namespace",
                detail: $"This codec server answers for namespace '{temporal.Namespace}' only.");
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return Problems.TooLarge(MaxBodyBytes);
        }

        Payloads request;
        try
        {
            using var reader = new StreamReader(http.Request.Body);
            request = JsonParser.Default.Parse<Payloads>(await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false));
        }
        catch (InvalidProtocolBufferException e)
        {
            return Problems.Invalid("body", $"must be Temporal's Payloads message as JSON ({e.Message})");
        }

        try
        {
            // Recorded before anything is decoded: a read of case data without its record is impossible.
            await audit.RecordAsync(operation, temporalNamespace, request.Payloads_.Count, Caller.IdentOf(http.User), http.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            return Problems.Unavailable("The database");
        }

        IReadOnlyCollection<Payload> result;
        try
        {
            result = await apply(request.Payloads_).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            return Problems.Invalid("payloads", e.Message);
        }

        var response = new Payloads();
        response.Payloads_.AddRange(result);
        return Results.Text(JsonFormatter.Default.Format(response), "application/json");
    }
}
