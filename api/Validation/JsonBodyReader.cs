using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Api.Validation;

/// <summary>
/// Reads a JSON request body by hand rather than by model binding, so that a bad body is answered with every bad
/// field at once (model binding stops at the first), an oversized body is refused before it is buffered, and no
/// exception message (which could quote a fødselsnummer) reaches a log or an answer.
/// </summary>
public sealed class JsonBodyReader(long maxBytes)
{
    public long MaxBytes { get; } = maxBytes;

    public async Task<BodyReadResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var read = await ReadAsync(typeof(T), request, cancellationToken).ConfigureAwait(false);
        return new BodyReadResult<T>((T?)read.Body, read.Errors, read.Problem);
    }

    /// <summary>The body as <paramref name="contractType"/>: for endpoints that serve several contract types.</summary>
    public async Task<BodyReadResult<object>> ReadAsync(Type contractType, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contractType);
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return BodyReadResult<object>.Fail(Problems.UnsupportedMediaType());
        }

        if (request.ContentLength > MaxBytes)
        {
            return BodyReadResult<object>.Fail(Problems.TooLarge(MaxBytes));
        }

        var bytes = await ReadLimitedAsync(request, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return BodyReadResult<object>.Fail(Problems.TooLarge(MaxBytes));
        }

        return Parse(contractType, bytes);
    }

    private static BodyReadResult<object> Parse(Type contractType, byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException malformed)
        {
            // Only the position: the parser's message can quote the text it choked on.
            return BodyReadResult<object>.Fail(Problems.Invalid(
                "body",
                $"is not valid JSON (line {malformed.LineNumber + 1}, byte {malformed.BytePositionInLine + 1})"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return BodyReadResult<object>.Fail(Problems.Invalid("body", "must be a JSON object"));
            }

            var (body, errors) = ContractReader.Read(contractType, document.RootElement);
            return BodyReadResult<object>.Read(body, errors);
        }
    }

    /// <summary>The body, or null when it is longer than <see cref="MaxBytes"/> (a chunked body has no length up
    /// front): reading stops at the first byte too many, or when the server's own limit, set to the same, stops it.</summary>
    private async Task<byte[]?> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = MaxBytes + 1;
        }

        var limit = checked((int)MaxBytes + 1);
        var buffer = ArrayPool<byte>.Shared.Rent(limit);
        try
        {
            var length = 0;
            while (length < limit)
            {
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, limit - length), cancellationToken)
                    .ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
            }

            return null;
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel counts a chunked body as it arrives, and may pass the limit before this loop does.
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
