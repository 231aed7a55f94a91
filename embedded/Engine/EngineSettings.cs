using Microsoft.Extensions.Configuration;
using Sykefravaer.Workflows;

namespace Sykefravaer.Embedded.Engine;

/// <summary>
/// Where the engine finds Temporal and PostgreSQL, from appsettings.json and environment variables
/// (<c>Temporal__Address</c>, <c>Temporal__Namespace</c>, <c>Temporal__TaskQueue</c>,
/// <c>ConnectionStrings__Sykefravaer</c>, <c>Engine__DataFolder</c>, <c>Engine__TemporalCliPath</c>). Empty means
/// "run one embedded".
/// </summary>
/// <param name="TemporalCliPath">A Temporal CLI binary to run as the embedded dev server, instead of downloading one.</param>
public sealed record EngineSettings(
    string? TemporalAddress,
    string TemporalNamespace,
    string TaskQueue,
    string? ConnectionString,
    string DataFolder,
    string? TemporalCliPath = null)
{
    public static EngineSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(
            NullIfEmpty(configuration["Temporal:Address"]),
            NullIfEmpty(configuration["Temporal:Namespace"]) ?? "default",
            NullIfEmpty(configuration["Temporal:TaskQueue"]) ?? CaseWorkflowIds.DefaultTaskQueue,
            NullIfEmpty(configuration.GetConnectionString("Sykefravaer")),
            NullIfEmpty(configuration["Engine:DataFolder"]) ?? ".data",
            NullIfEmpty(configuration["Engine:TemporalCliPath"]));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
