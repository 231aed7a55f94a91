namespace Sykefravaer.Api.Hosting;

/// <summary>The API's own settings (section <c>Api</c>).</summary>
public sealed record ApiOptions
{
    public const string Section = "Api";

    /// <summary>Events are a few hundred bytes; anything near this limit is a mistake or an attack (413).</summary>
    public long MaxBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Apply the database migrations at start-up (as the worker does); off where a deployment step does it.</summary>
    public bool MigrateDatabase { get; init; } = true;
}
