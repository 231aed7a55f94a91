namespace Sykefravaer.Api.Ingestion;

/// <summary>Temporal could not be reached or did not answer in time: the event may not be durable.</summary>
public sealed class TemporalUnavailableException : Exception
{
    public TemporalUnavailableException()
    {
    }

    public TemporalUnavailableException(string message)
        : base(message)
    {
    }

    public TemporalUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
