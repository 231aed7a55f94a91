using System.Security.Cryptography;
using System.Text.Json;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Projection;

namespace Sykefravaer.Workflows;

/// <summary>What a projection shows, as a short string: equal for two projections that differ only in their
/// <see cref="CaseProjection.Version"/>. Small enough to carry across continue-as-new.</summary>
public static class ProjectionFingerprint
{
    public static string Of(CaseProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var shown = JsonSerializer.SerializeToUtf8Bytes(projection with { Version = 0 });
        return Convert.ToHexString(SHA256.HashData(shown));
    }
}
