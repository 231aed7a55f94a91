using System.Collections.Immutable;
using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Domain.Cases;

/// <summary>The case after an event or the passing of time, and the effects decided by that step alone: the
/// workflow runs one activity for each of <see cref="Effects"/>.</summary>
public sealed record CaseDecision(CaseState State, ImmutableArray<Effect> Effects);
