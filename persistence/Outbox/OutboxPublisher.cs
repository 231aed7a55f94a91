using Npgsql;
using Sykefravaer.Activities.Effects;
using Sykefravaer.Persistence.Postgres;

namespace Sykefravaer.Persistence.Outbox;

/// <summary>
/// The publisher's side of the outbox contract (OUTBOX.md), for a host that delivers notices to NAV's channels:
/// claims a batch of PENDING notices in id order with <c>FOR UPDATE SKIP LOCKED</c> (so several publishers never
/// take the same notice), hands each to the channel, and marks it SENT, or counts the failed attempt and marks it
/// FAILED after <see cref="OutboxPublisherOptions.MaxAttempts"/>; a failed notice waits
/// <see cref="OutboxPublisherOptions.RetryDelay"/> after its first failure, twice that after its second, and so on up
/// to <see cref="OutboxPublisherOptions.MaxBackoffDoublings"/> doublings. Delivery is at least once: a publisher that dies
/// after delivering but before committing delivers that notice again, with the same idempotency key.
/// </summary>
public sealed class OutboxPublisher(NpgsqlDataSource dataSource, OutboxPublisherOptions options)
{
    private const string ClaimSql = """
        SELECT id, idempotency_key, case_id, person_ref, code, recipient, payload::text, attempts, created_at
        FROM notice_outbox
        WHERE status = 'PENDING'
          AND (last_attempt_at IS NULL OR last_attempt_at <= now() - $2 * power(2, LEAST(GREATEST(attempts - 1, 0), $3)))
        ORDER BY id
        LIMIT $1
        FOR UPDATE SKIP LOCKED
        """;

    private const string SentSql = """
        UPDATE notice_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_attempt_at = now(), last_error = NULL
        WHERE id = $1
        """;

    private const string FailedSql = """
        UPDATE notice_outbox
        SET attempts = attempts + 1, last_attempt_at = now(), last_error = $2,
            status = CASE WHEN attempts + 1 >= $3 THEN 'FAILED' ELSE 'PENDING' END
        WHERE id = $1
        """;

    /// <summary>Delivers one batch; returns how many notices were attempted (0: nothing is due now).</summary>
    public async Task<int> PublishBatchAsync(Func<OutboxNotice, CancellationToken, Task> deliver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var batch = await ClaimAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        foreach (var notice in batch)
        {
            var error = await TryDeliverAsync(deliver, notice, cancellationToken).ConfigureAwait(false);
            await using var mark = error is null
                ? new NpgsqlCommand(SentSql, connection, transaction) { Parameters = { Parameters.BigInt(notice.Id) } }
                : new NpgsqlCommand(FailedSql, connection, transaction)
                {
                    Parameters = { Parameters.BigInt(notice.Id), Parameters.Text(error), new NpgsqlParameter<int> { TypedValue = options.MaxAttempts } },
                };
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return batch.Count;
    }

    private static async Task<string?> TryDeliverAsync(
        Func<OutboxNotice, CancellationToken, Task> deliver, OutboxNotice notice, CancellationToken cancellationToken)
    {
        try
        {
            await deliver(notice, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (NoticeDeliveryException e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the type: a channel's own message may quote the recipient.
            return e.GetType().FullName;
        }
    }

    private async Task<List<OutboxNotice>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand(ClaimSql, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter<int> { TypedValue = options.BatchSize },
                new NpgsqlParameter<TimeSpan> { TypedValue = options.RetryDelay },
                new NpgsqlParameter<int> { TypedValue = OutboxPublisherOptions.MaxBackoffDoublings },
            },
        };
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var batch = new List<OutboxNotice>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(new OutboxNotice(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetGuid(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                StorageJson.Deserialize<NoticePayload>(reader.GetString(6)),
                reader.GetInt32(7),
                reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return batch;
    }
}
