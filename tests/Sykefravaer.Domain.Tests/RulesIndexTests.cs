using System.Text.RegularExpressions;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Testing;

namespace Sykefravaer.Domain.Tests;

/// <summary>docs/RULES-INDEX.md is how a reader goes from a rule code of RULES.md to its code and tests: it must name
/// every rule, only files that exist, and only test files whose tests carry the code in their names.</summary>
public sealed partial class RulesIndexTests
{
    private static readonly string Root = RepositoryBuild.Root;

    private static readonly IReadOnlyDictionary<string, (string[] Code, string[] Tests)> Index = ReadIndex();

    public static TheoryData<string> RuleCodes => new(
        new[] { "T1", "T2", "T3", "T4", "T5", "T6", "T7", "F1", "F2", "F3", "M1", "M2", "M3", "GJENTAKENDE_SYKEFRAVAER" }
            .Concat(["KARTLEGGING_SVAR", "SNART_SLUTT_SVAR", "SNART_SLUTT_IKKE_SVART", "MOTEBEHOV_KVITTERING", "MOTEBEHOV_AVKLART"])
            .Concat(RuleSets.All.SelectMany(r => r.Milestones).Select(m => m.Code).Distinct()));

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public void Every_rule_names_files_that_exist_and_tests_named_after_it(string code)
    {
        Assert.True(Index.TryGetValue(code, out var row), $"{code} has no row in docs/RULES-INDEX.md");
        Assert.NotEmpty(row.Code);
        Assert.NotEmpty(row.Tests);
        Assert.All(row.Code.Concat(row.Tests), path => Assert.True(File.Exists(Path.Combine(Root, path)), $"{path} does not exist"));
        Assert.All(row.Tests, path => Assert.Matches(new Regex($@"\b(void|Task) {code}_"), File.ReadAllText(Path.Combine(Root, path))));
    }

    private static Dictionary<string, (string[], string[])> ReadIndex()
    {
        var rows = new Dictionary<string, (string[], string[])>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Root, "docs", "RULES-INDEX.md")).Where(l => l.StartsWith("| ", StringComparison.Ordinal)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length >= 4 && Paths(cells[2]) is { Length: > 0 } code)
            {
                rows[cells[1]] = (code, Paths(cells[3]));
            }
        }

        return rows;
    }

    private static string[] Paths(string cell) => [.. BacktickedPath().Matches(cell).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"`([\w./-]+\.cs)`")]
    private static partial Regex BacktickedPath();
}
