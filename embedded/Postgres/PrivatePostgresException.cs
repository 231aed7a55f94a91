namespace Sykefravaer.Embedded.Postgres;

/// <summary>The private cluster could not be set up, started or stopped; the message says why and what to do.</summary>
public sealed class PrivatePostgresException : Exception
{
    public PrivatePostgresException()
    {
    }

    public PrivatePostgresException(string message)
        : base(message)
    {
    }

    public PrivatePostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets a value indicating whether the server did not start because its port was in use.</summary>
    public bool PortTaken { get; init; }
}
