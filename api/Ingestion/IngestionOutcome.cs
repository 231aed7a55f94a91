namespace Sykefravaer.Api.Ingestion;

/// <summary>What became of a submitted event.</summary>
public enum IngestionOutcome
{
    /// <summary>Durable in Temporal: signalled now, or earlier (a duplicate, answered the same).</summary>
    Accepted,

    /// <summary>The type and id were already used for another person: nothing was signalled.</summary>
    IdUsedForAnotherPerson,

    /// <summary>Temporal could not be reached or did not answer in time: nothing was recorded.</summary>
    TemporalUnavailable,

    /// <summary>The record of accepted events (PostgreSQL) could not be read: nothing was signalled.</summary>
    DatabaseUnavailable,
}
