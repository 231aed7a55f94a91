using Microsoft.Extensions.Configuration;
using Sykefravaer.Workflows;

namespace Sykefravaer.Hosting;

/// <summary>
/// Where the engine finds Temporal and PostgreSQL, from appsettings.json and environment variables
/// (<c>Temporal__Address</c>, <c>Temporal__Namespace</c>, <c>Temporal__TaskQueue</c>,
/// <c>ConnectionStrings__Sykefravaer</c>, <c>Engine__DataFolder</c>, <c>Engine__TemporalCliPath</c>,
/// <c>Worker__MaxCachedWorkflows</c>). Empty means "run one embedded".
/// </summary>
/// <param name="TemporalCliPath">A Temporal CLI binary to run as the embedded dev server, instead of downloading one.</param>
/// <param name="MaxCachedWorkflows">How many cases the worker keeps in memory between their workflow tasks.</param>
public sealed record EngineSettings(
    string? TemporalAddress,
    string TemporalNamespace,
    string TaskQueue,
    string? ConnectionString,
    string DataFolder,
    string? TemporalCliPath = null,
    int MaxCachedWorkflows = EngineSettings.DefaultMaxCachedWorkflows)
{
    /// <summary>
    /// The worker's default workflow cache. An event for a case that is not cached costs a replay of the case's whole
    /// history, and cases receive events weeks apart, so the cache should hold every open case a worker serves; the SDK's
    /// default of 10,000 is well below the open cases one worker may serve. A cached case costs about 28 KiB
    /// (BENCHMARKS.md, "Ingestion"), so the default takes up to about 1.4 GiB; lower it for a smaller worker.
    /// </summary>
    public const int DefaultMaxCachedWorkflows = 50_000;

    public static EngineSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(
            ConfigurationValues.Text(configuration, "Temporal:Address"),
            ConfigurationValues.Text(configuration, "Temporal:Namespace") ?? "default",
            ConfigurationValues.Text(configuration, "Temporal:TaskQueue") ?? CaseWorkflowIds.DefaultTaskQueue,
            ConfigurationValues.NullIfBlank(configuration.GetConnectionString("Sykefravaer")),
            ConfigurationValues.Text(configuration, "Engine:DataFolder") ?? ".data",
            ConfigurationValues.Text(configuration, "Engine:TemporalCliPath"),
            ConfigurationValues.WholeNumber(configuration, "Worker:MaxCachedWorkflows", min: 1, DefaultMaxCachedWorkflows));
    }
}
