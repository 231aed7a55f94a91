using Npgsql;
using NpgsqlTypes;

namespace Sykefravaer.Persistence.Postgres;

/// <summary>Typed query parameters: values never become SQL text, and nulls still carry their type.</summary>
internal static class Parameters
{
    public static NpgsqlParameter Text(string value) => new NpgsqlParameter<string> { TypedValue = value };

    public static NpgsqlParameter Text(string? value, bool nullable) =>
        nullable && value is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text } : Text(value!);

    public static NpgsqlParameter TextArray(IEnumerable<string> values) => new NpgsqlParameter<string[]> { TypedValue = [.. values] };

    public static NpgsqlParameter Uuid(Guid value) => new NpgsqlParameter<Guid> { TypedValue = value };

    public static NpgsqlParameter BigInt(long value) => new NpgsqlParameter<long> { TypedValue = value };

    public static NpgsqlParameter Date(DateOnly value) => new NpgsqlParameter<DateOnly> { TypedValue = value };

    public static NpgsqlParameter Date(DateOnly? value) =>
        new NpgsqlParameter { Value = value is null ? DBNull.Value : value.Value, NpgsqlDbType = NpgsqlDbType.Date };

    public static NpgsqlParameter Jsonb<T>(T value) =>
        new NpgsqlParameter<string> { TypedValue = StorageJson.Serialize(value), NpgsqlDbType = NpgsqlDbType.Jsonb };
}
