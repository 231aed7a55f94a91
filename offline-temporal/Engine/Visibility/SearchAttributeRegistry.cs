using System.Collections.Concurrent;
using Temporalio.Api.Enums.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Visibility;

/// <summary>
/// Which search attributes exist and their types: Temporal's system attributes, the custom ones its dev and test
/// servers predefine, and any registered on the command line or through the OperatorService. Like Temporal, workflows
/// may only set attributes that are defined.
/// </summary>
internal sealed class SearchAttributeRegistry
{
    private static readonly Dictionary<string, IndexedValueType> SystemAttributes = new(StringComparer.Ordinal)
    {
        ["WorkflowId"] = IndexedValueType.Keyword,
        ["RunId"] = IndexedValueType.Keyword,
        ["WorkflowType"] = IndexedValueType.Keyword,
        ["ExecutionStatus"] = IndexedValueType.Keyword,
        ["TaskQueue"] = IndexedValueType.Keyword,
        ["StartTime"] = IndexedValueType.Datetime,
        ["CloseTime"] = IndexedValueType.Datetime,
        ["ExecutionTime"] = IndexedValueType.Datetime,
        ["ExecutionDuration"] = IndexedValueType.Int,
        ["HistoryLength"] = IndexedValueType.Int,
        ["StateTransitionCount"] = IndexedValueType.Int,
        ["TemporalChangeVersion"] = IndexedValueType.KeywordList,
        ["BinaryChecksums"] = IndexedValueType.KeywordList,
        ["BuildIds"] = IndexedValueType.KeywordList,
        ["BatcherUser"] = IndexedValueType.Keyword,
        ["TemporalScheduledStartTime"] = IndexedValueType.Datetime,
        ["TemporalScheduledById"] = IndexedValueType.Keyword,
        ["TemporalSchedulePaused"] = IndexedValueType.Bool,
        ["TemporalNamespaceDivision"] = IndexedValueType.Keyword,
        ["TemporalPauseInfo"] = IndexedValueType.KeywordList,
        ["TemporalWorkerDeploymentVersion"] = IndexedValueType.Keyword,
        ["TemporalWorkerDeployment"] = IndexedValueType.Keyword,
        ["TemporalWorkflowVersioningBehavior"] = IndexedValueType.Keyword,
        ["TemporalReportedProblems"] = IndexedValueType.KeywordList,
    };

    private readonly ConcurrentDictionary<string, IndexedValueType> custom = new(StringComparer.Ordinal)
    {
        ["CustomKeywordField"] = IndexedValueType.Keyword,
        ["CustomStringField"] = IndexedValueType.Text,
        ["CustomTextField"] = IndexedValueType.Text,
        ["CustomIntField"] = IndexedValueType.Int,
        ["CustomDatetimeField"] = IndexedValueType.Datetime,
        ["CustomDoubleField"] = IndexedValueType.Double,
        ["CustomBoolField"] = IndexedValueType.Bool,
    };

    public SearchAttributeRegistry(IReadOnlyDictionary<string, string> fromCommandLine)
    {
        foreach (var (name, typeName) in fromCommandLine)
        {
            custom[name] = ParseType(typeName);
        }
    }

    public IReadOnlyDictionary<string, IndexedValueType> System => SystemAttributes;

    public IReadOnlyDictionary<string, IndexedValueType> Custom => custom;

    public void Add(string name, IndexedValueType type)
    {
        if (SystemAttributes.ContainsKey(name))
        {
            throw new ArgumentException($"Search attribute {name} is reserved by system.");
        }
        custom[name] = type;
    }

    public bool Remove(string name) => custom.TryRemove(name, out _);

    /// <summary>The first of <paramref name="names"/> that is not a defined custom attribute, or null.</summary>
    public string? FindUnknown(IEnumerable<string> names) =>
        names.FirstOrDefault(name => !custom.ContainsKey(name) && !IsSettableByWorkflows(name));

    /// <summary>
    /// The one system attribute a workflow may upsert itself: the SDKs record every <c>Workflow.Patched</c> marker in
    /// <c>TemporalChangeVersion</c>, and the real server accepts it. Other system attributes are the server's own.
    /// </summary>
    private static bool IsSettableByWorkflows(string name) => name == "TemporalChangeVersion";

    public bool IsDefined(string name) => SystemAttributes.ContainsKey(name) || custom.ContainsKey(name);

    private static IndexedValueType ParseType(string typeName) =>
        Enum.TryParse<IndexedValueType>(typeName, ignoreCase: true, out var type) && type != IndexedValueType.Unspecified
            ? type
            : throw new ArgumentException($"Unknown search attribute type '{typeName}'");
}
