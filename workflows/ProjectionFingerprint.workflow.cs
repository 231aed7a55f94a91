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
        var shown = projection is { Periods: null, Events: null }
            ? JsonSerializer.SerializeToUtf8Bytes(Release1Shape.Of(projection))
            : JsonSerializer.SerializeToUtf8Bytes(projection with { Version = 0 });
        return Convert.ToHexString(SHA256.HashData(shown));
    }

    /// <summary>The projection's fields as release 1 had them, in its order: a run without the patch computes the
    /// fingerprints its release-1 history (and the fingerprint carried across its continue-as-new) was written with.</summary>
    private sealed record Release1Shape(
        Guid CaseId, string PersonRef, long Version, CaseSummary State, IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<Sykefravaer.Domain.Effects.Effect> Effects)
    {
        public static Release1Shape Of(CaseProjection p) => new(p.CaseId, p.PersonRef, 0, p.State, p.Milestones, p.Effects);
    }
}
