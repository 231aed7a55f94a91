using Sykefravaer.Domain.CasePeriod;

namespace Sykefravaer.Activities.Commands;

/// <summary>Remember a closed case's tilfelle, so the person's later cases count its sykepengedager (M2: the count
/// resets only after 26 weeks without sykepenger, and days are counted over the last 3 years).</summary>
public sealed record ClosedTilfelleCommand(Guid CaseId, string PersonRef, Oppfolgingstilfelle Tilfelle);

/// <summary>Ask for the tilfeller of the person's closed cases that ended on or after <paramref name="Since"/>.</summary>
public sealed record EarlierTilfellerQuery(string PersonRef, DateOnly Since);
