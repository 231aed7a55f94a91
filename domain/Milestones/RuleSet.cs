using System.Collections.Immutable;

namespace Sykefravaer.Domain.Milestones;

/// <summary>
/// A versioned milestone table. A case records the <see cref="Version"/> it started under and keeps it for its
/// whole life, so publishing a new version changes new cases only.
/// </summary>
public sealed record RuleSet
{
    public RuleSet(string version, ImmutableArray<MilestoneRule> milestones)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        Version = version;
        Milestones = milestones;
        EnsureEffectKeysAreUnique();
    }

    public string Version { get; }

    public ImmutableArray<MilestoneRule> Milestones { get; }

    /// <summary>REQUEST_FEEDBACK: a møtebehov is acknowledged to whoever stated it, and the veileder's decision told
    /// them (2027-behov).</summary>
    public bool RequestFeedback { get; init; }

    public MilestoneRule this[string code] => Milestones.Single(m => m.Code == code);

    /// <summary>A copy under a new version with one milestone changed: how a later version is written.</summary>
    public RuleSet Derive(string version, string code, Func<MilestoneRule, MilestoneRule> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new RuleSet(version, Milestones.Select(m => m.Code == code ? change(m) : m).ToImmutableArray())
        {
            RequestFeedback = RequestFeedback,
        };
    }

    /// <summary>A copy under a new version without a milestone.</summary>
    public RuleSet Without(string version, string code) =>
        new(version, Milestones.Where(m => m.Code != code).ToImmutableArray()) { RequestFeedback = RequestFeedback };

    /// <summary>A copy under a new version with a milestone added.</summary>
    public RuleSet With(string version, MilestoneRule milestone) =>
        new(version, Milestones.Add(milestone)) { RequestFeedback = RequestFeedback };

    // Effect keys are "milestone:CODE:RECIPIENT"; two effects sharing one would make the second a silent no-op
    // in the idempotent activities.
    private void EnsureEffectKeysAreUnique()
    {
        var duplicate = Milestones
            .SelectMany(m => m.Effects.Select(e => $"{m.Code}:{e.To}"))
            .Concat(Milestones.Select(m => m.Code))
            .GroupBy(k => k, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Rule set {Version}: '{duplicate.Key}' occurs more than once.", nameof(Milestones));
        }
    }
}
