using Sykefravaer.Workflows;

namespace Sykefravaer.Api.Ingestion;

/// <summary>Where the case workflows run: the same keys as the worker (<c>Temporal__Address</c>,
/// <c>Temporal__Namespace</c>, <c>Temporal__TaskQueue</c>).</summary>
public sealed record TemporalSettings
{
    public const string Section = "Temporal";

    public string Address { get; init; } = "localhost:7233";

    public string Namespace { get; init; } = "default";

    public string TaskQueue { get; init; } = CaseWorkflowIds.DefaultTaskQueue;

    /// <summary>How long a signal may take before the API answers 503: a sender's retry is harmless (duplicates
    /// change nothing), a request left hanging is not.</summary>
    public TimeSpan RpcTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
