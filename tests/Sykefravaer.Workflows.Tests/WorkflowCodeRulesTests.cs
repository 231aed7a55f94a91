using System.Text.RegularExpressions;
using Sykefravaer.Testing;

namespace Sykefravaer.Workflows.Tests;

/// <summary>
/// The rules for code that runs inside the workflow (docs/EVOLUTION.md), enforced rather than hoped for: every file
/// of <c>workflows/</c> that uses Temporal's workflow API is named <c>*.workflow.cs</c>, so the analyzer settings
/// for workflow code (.editorconfig) cover it, and none of those files leaves the workflow's scheduler.
/// </summary>
public sealed partial class WorkflowCodeRulesTests
{
    private static readonly string WorkflowsFolder = Path.Combine(RepositoryBuild.Root, "workflows");

    [Fact]
    public void Every_file_that_uses_the_workflow_API_is_named_workflow_cs()
    {
        var offenders = SourceFiles()
            .Where(path => !path.EndsWith(".workflow.cs", StringComparison.Ordinal) && WorkflowApi().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(WorkflowsFolder, path));

        Assert.Empty(offenders);
    }

    [Fact]
    public void No_workflow_file_leaves_the_workflow_scheduler()
    {
        var workflowFiles = SourceFiles().Where(path => path.EndsWith(".workflow.cs", StringComparison.Ordinal)).ToList();
        var offenders = workflowFiles
            .Where(path => LeavesScheduler().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(WorkflowsFolder, path));

        Assert.NotEmpty(workflowFiles);
        Assert.Empty(offenders);
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(WorkflowsFolder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    // The calls only workflow code may make: activities, timers, conditions, the deterministic clock, logger and ids.
    [GeneratedRegex(@"\bWorkflow\.(ExecuteActivityAsync|ExecuteLocalActivityAsync|WaitConditionAsync|DelayAsync|MetricMeter|UtcNow|NewGuid|Random|Logger|Patched|DeprecatePatch|CreateContinueAsNewException|CurrentHistoryLength|ContinueAsNewSuggested|Info)\b")]
    private static partial Regex WorkflowApi();

    [GeneratedRegex(@"ConfigureAwait\(false\)|Task\.Run\(|Task\.Delay\(|DateTime\.(Utc)?Now|Guid\.NewGuid\(|new Random\(")]
    private static partial Regex LeavesScheduler();
}
