namespace Sykefravaer.OfflineTemporal.Engine.Visibility;

/// <summary>
/// A parsed visibility query (Temporal's SQL-like list filter), e.g.
/// <c>WorkflowType = 'Case' AND ExecutionStatus = 'Running'</c>. Supports comparisons (=, !=, &lt;&gt;, &lt;, &lt;=,
/// &gt;, &gt;=), IN and NOT IN, BETWEEN … AND …, STARTS_WITH, IS [NOT] NULL, AND, OR, NOT and parentheses, and accepts
/// a trailing ORDER BY (results are always newest first). Anything else is rejected as invalid, never guessed at.
/// </summary>
internal sealed class VisibilityQuery
{
    private readonly Func<Func<string, object?>, bool> predicate;

    private VisibilityQuery(Func<Func<string, object?>, bool> predicate, IReadOnlyList<string> fields)
    {
        this.predicate = predicate;
        Fields = fields;
    }

    /// <summary>The attribute names the query refers to, so callers can reject unknown ones.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Whether a record matches; <paramref name="lookup"/> gives an attribute's value or null.</summary>
    public bool Matches(Func<string, object?> lookup) => predicate(lookup);

    /// <exception cref="FormatException">The query is not valid or uses unsupported syntax.</exception>
    public static VisibilityQuery Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return new VisibilityQuery(_ => true, []);
        }
        var parser = new VisibilityQueryParser(VisibilityQueryLexer.Tokenize(query));
        var (predicate, fields) = parser.ParseQuery();
        return new VisibilityQuery(predicate, fields);
    }
}
