namespace Sykefravaer.Activities.Commands;

/// <summary>Ask for the tilfeller of the person's closed cases that ended on or after <paramref name="Since"/>, so a new
/// case counts their sykepengedager (M2: the count resets only after 26 weeks without sykepenger, and days are counted
/// over the last 3 years).</summary>
public sealed record EarlierTilfellerQuery(string PersonRef, DateOnly Since);
