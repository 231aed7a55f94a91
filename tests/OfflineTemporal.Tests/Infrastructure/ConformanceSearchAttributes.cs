using Temporalio.Common;

namespace OfflineTemporal.Tests.Infrastructure;

/// <summary>The custom search attributes the suite upserts; registered when a dev server is started for it.</summary>
public static class ConformanceSearchAttributes
{
    /// <summary>A keyword attribute a workflow sets on itself.</summary>
    public static readonly SearchAttributeKey<string> CaseState = SearchAttributeKey.CreateKeyword("ConformanceCaseState");

    /// <summary>A number attribute a workflow sets on itself.</summary>
    public static readonly SearchAttributeKey<long> CaseWeek = SearchAttributeKey.CreateLong("ConformanceCaseWeek");

    /// <summary>Gets every attribute above.</summary>
    public static IReadOnlyCollection<SearchAttributeKey> All { get; } = [CaseState, CaseWeek];
}
