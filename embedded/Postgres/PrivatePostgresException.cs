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
}
