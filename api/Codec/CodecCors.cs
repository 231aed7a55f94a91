using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Sykefravaer.Api.Codec;

/// <summary>The codec server's CORS policy: the configured Temporal UI origin only, <c>POST</c> with the headers the
/// UI sends (<c>Content-Type</c>, <c>X-Namespace</c>, <c>Authorization</c>).</summary>
internal sealed class CodecCors(IOptions<CodecOptions> codec) : IConfigureOptions<CorsOptions>
{
    public void Configure(CorsOptions options) =>
        options.AddPolicy(CodecEndpoints.CorsPolicy, policy =>
        {
            if (codec.Value.TemporalUiOrigin is { Length: > 0 } origin)
            {
                policy.WithOrigins(origin.TrimEnd('/'));
            }

            policy.WithMethods("POST").WithHeaders("Content-Type", "X-Namespace", "Authorization");
        });
}
