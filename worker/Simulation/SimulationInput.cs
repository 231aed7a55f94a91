using Sykefravaer.Domain.Cases;

namespace Sykefravaer.Worker.Simulation;

/// <summary>A case history to simulate: one person's events, each delivered at its <see cref="CaseEvent.At"/>,
/// in order, then time runs on to the start of <see cref="Until"/> (Norwegian time).</summary>
/// <param name="BirthDate">For the age rules (M3, SNART_SLUTT_SYKEPENGER); null when not given.</param>
/// <param name="RuleSet">The rule-set version the person's new cases start under (a known one,
/// <c>RuleSets.All</c>); null for the workflow's own default. Forecast ignores it: it runs every history under the
/// two rule sets it is asked to compare.</param>
public sealed record SimulationInput(DateOnly? BirthDate, IReadOnlyList<CaseEvent> Events, DateOnly Until, string? RuleSet = null);
