using Microsoft.Extensions.Options;
using Sykefravaer.Domain.Milestones;

namespace Sykefravaer.Api.Ingestion;

/// <summary>
/// What a case the API starts begins with (<c>Cases__RuleSet</c>): the milestone rule set of a new case, e.g.
/// <c>2027-behov</c> for needs-based follow-up. Running cases keep the version they started under
/// (docs/EVOLUTION.md), so changing it changes new cases only. Empty means the workflow's default.
/// </summary>
public sealed record NewCaseSettings
{
    public const string Section = "Cases";

    public string? RuleSet { get; init; }

    /// <summary>The version to start new cases under, null for the workflow's default.</summary>
    public string? RuleSetVersion => string.IsNullOrWhiteSpace(RuleSet) ? null : RuleSet.Trim();

    /// <summary>An unknown version would start every new case on a worker that cannot run it: refused at start-up.</summary>
    public string? Problem() =>
        RuleSetVersion is { } version && !RuleSets.TryGet(version, out _)
            ? $"Cases__RuleSet: '{version}' is not a rule set this engine knows; known: {string.Join(", ", RuleSets.All.Select(r => r.Version))}."
            : null;

    internal sealed class Validation : IValidateOptions<NewCaseSettings>
    {
        public ValidateOptionsResult Validate(string? name, NewCaseSettings options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
