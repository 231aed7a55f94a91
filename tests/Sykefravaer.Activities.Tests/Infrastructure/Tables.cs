namespace Sykefravaer.Activities.Tests.Infrastructure;

/// <summary>The schema's tables, for tests that look at every one of them.</summary>
internal static class Tables
{
    public static IReadOnlyList<string> WithCaseRows { get; } = ["notice_outbox", "veileder_task", "case_projection", "closed_tilfelle", "audit_trail", "case_attention"];

    /// <summary>A table name safe to put into test SQL (table names cannot be parameters).</summary>
    public static string Checked(string table) =>
        WithCaseRows.Contains(table) || table == "schema_migrations"
            ? table
            : throw new ArgumentException($"Unknown table {table}.", nameof(table));
}
