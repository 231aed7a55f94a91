using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Sykefravaer.Persistence.Postgres.Migrations;

/// <summary>One schema change: an SQL file <c>NNNN_name.sql</c> embedded in this assembly, applied in version order.</summary>
public sealed record Migration(int Version, string Name, string Sql, string Checksum)
{
    private const string ResourcePrefix = "migrations/";

    /// <summary>Gets every migration shipped with this assembly, in the order they apply.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load();

    private static List<Migration> Load()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => FromResource(assembly, name))
            .OrderBy(migration => migration.Version)
            .ToList();
        var duplicate = migrations.GroupBy(migration => migration.Version).FirstOrDefault(group => group.Count() > 1);
        return duplicate is null
            ? migrations
            : throw new InvalidOperationException($"Two migrations have version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
    }

    private static Migration FromResource(Assembly assembly, string resourceName)
    {
        var fileName = resourceName[ResourcePrefix.Length..];
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration file {fileName} is not named NNNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd();
        return new Migration(version, Path.GetFileNameWithoutExtension(fileName), sql, ChecksumOf(sql));
    }

    // Line endings are normalised first: a checkout with CRLF (git on Windows) is the same migration, not an edit.
    private static string ChecksumOf(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
}
