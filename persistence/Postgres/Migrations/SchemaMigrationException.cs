namespace Sykefravaer.Persistence.Postgres.Migrations;

/// <summary>The database's schema history does not match the migrations shipped: an applied migration was edited,
/// or the database is newer than this code. Start-up must stop; a person has to decide.</summary>
public sealed class SchemaMigrationException : Exception
{
    public SchemaMigrationException()
    {
    }

    public SchemaMigrationException(string message)
        : base(message)
    {
    }

    public SchemaMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
