using Npgsql;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Effects;

namespace Sykefravaer.Persistence.Postgres;

/// <summary>
/// Insert-once on an idempotency key. The insert (with ON CONFLICT DO NOTHING) returns <c>id, recorded_at</c> only
/// when it wrote a row; otherwise the stored row is read in a second statement. Two statements on purpose: under
/// READ COMMITTED a row committed by a concurrent writer after our statement began is invisible to that same
/// statement, so a single insert-or-select could return nothing.
/// </summary>
internal sealed record IdempotentInsert(
    string IdempotencyKey,
    string InsertSql,
    IReadOnlyList<NpgsqlParameter> InsertParameters,
    string ExistingSql,
    string What,
    string Signature)
{
    /// <summary>Writes, or returns the receipt of the earlier write after checking it was the same effect.</summary>
    public async Task<EffectReceipt> RunAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using (var insert = new NpgsqlCommand(InsertSql, connection, transaction))
        {
            foreach (var parameter in InsertParameters)
            {
                insert.Parameters.Add(parameter);
            }
            await using var inserted = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await inserted.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return new EffectReceipt(IdempotencyKey, inserted.GetInt64(0), inserted.GetFieldValue<DateTimeOffset>(1));
            }
        }

        await using var existing = new NpgsqlCommand(ExistingSql, connection, transaction);
        existing.Parameters.Add(Parameters.Text(IdempotencyKey));
        await using var stored = await existing.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await stored.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"{What} {IdempotencyKey} conflicted on insert but cannot be read.");
        }

        EffectKeyConflict.ThrowIfDifferent(IdempotencyKey, What, stored.GetString(2), Signature);
        return new EffectReceipt(IdempotencyKey, stored.GetInt64(0), stored.GetFieldValue<DateTimeOffset>(1));
    }
}
