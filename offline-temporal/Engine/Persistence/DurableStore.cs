using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Google.Protobuf;
using Temporalio.Api.History.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Persistence;

/// <summary>
/// The server's state on disk (<c>--db-filename</c>), in SQLite as the Temporal CLI's dev server keeps it: every run's
/// history events, the part of its mutable state history does not hold (<see cref="DurableRunState"/>), and the
/// namespaces and search attributes registered at run time (and, for a time-skipping server, its virtual time). Each change to a workflow is written in one transaction
/// before the request that caused it is answered; a restart rebuilds everything else from these rows.
/// </summary>
/// <remarks>
/// One connection, in SQLite's exclusive locking mode, so a second server cannot open the same file and run the same
/// workflows twice. Writes are serialised on <see cref="gate"/>, always taken after a workflow's own lock.
/// </remarks>
internal sealed partial class DurableStore : IDisposable
{
    private const int SchemaVersion = 1;

    // The pragmas --sqlite-pragma may set, as the CLI's flag allows; anything else is refused, so no argument can
    // smuggle SQL into the statement a pragma has to be written as.
    private static readonly HashSet<string> SettablePragmas = new(StringComparer.OrdinalIgnoreCase)
    {
        "journal_mode", "synchronous", "cache_size", "wal_autocheckpoint", "mmap_size", "temp_store", "page_size",
    };

    private readonly SqliteConnection connection;
    private readonly Lock gate = new();
    private readonly Dictionary<string, long> runSequence = new(StringComparer.Ordinal);
    private long lastSequence;
    private SqliteTransaction? transaction;

    private DurableStore(string path, SqliteConnection connection)
    {
        Path = path;
        this.connection = connection;
    }

    public string Path { get; }

    /// <summary>
    /// A test's fault: after this many workflow writes the process kills itself, after the commit and before the
    /// answer, as a crash at the worst moment would. Zero for never.
    /// </summary>
    public int KillAfterWrites { get; init; }

    private int writes;

    /// <summary>
    /// The clock whose time each write also records, for a time-skipping server: its virtual time must survive a
    /// restart with the workflows whose events it stamped. Null in real time, where the wall clock is the truth.
    /// </summary>
    public Func<DateTime>? VirtualNow { get; set; }

    /// <summary>Opens or creates the file. Fails if another process holds it or a pragma is not one we allow.</summary>
    public static DurableStore Open(string path, IReadOnlyDictionary<string, string> pragmas, int killAfterWrites = 0)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 2,
        }.ToString());
        connection.Open();
        var store = new DurableStore(fullPath, connection) { KillAfterWrites = killAfterWrites };
        try
        {
            store.Configure(pragmas);
            store.CreateSchema();
            return store;
        }
        catch (SqliteException error) when (error.SqliteErrorCode is 5 or 6)
        {
            store.Dispose();
            throw new InvalidOperationException(
                $"{fullPath} is in use by another Temporal server process; stop it first (two servers on one file would run the same workflows twice).",
                error);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private void Configure(IReadOnlyDictionary<string, string> pragmas)
    {
        // Exclusive before WAL: the write-ahead log then needs no shared memory file, and the lock is held for the
        // life of the connection from the first write on (CreateSchema's).
        Execute("PRAGMA locking_mode=EXCLUSIVE");
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            // Durable against a killed process and against a lost machine: a commit is on disk before it returns.
            ["journal_mode"] = "WAL",
            ["synchronous"] = "FULL",
        };
        foreach (var (name, value) in pragmas)
        {
            if (!SettablePragmas.Contains(name))
            {
                throw new ArgumentException($"--sqlite-pragma {name}: not a pragma this server sets (one of {string.Join(", ", SettablePragmas.Order())})");
            }
            if (!PragmaValue().IsMatch(value))
            {
                throw new ArgumentException($"--sqlite-pragma {name}={value}: the value must be a word or a number");
            }
            settings[name] = value;
        }
        foreach (var (name, value) in settings)
        {
            Execute($"PRAGMA {name}={value}");
        }
    }

    [GeneratedRegex("^-?[A-Za-z0-9_]{1,32}$")]
    private static partial Regex PragmaValue();

    private void CreateSchema()
    {
        using var schema = Begin();
        var version = Convert.ToInt64(Scalar("PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException($"{Path} was written by a newer server (schema {version}, this one knows {SchemaVersion}).");
        }
        Execute("""
            CREATE TABLE IF NOT EXISTS run (
                seq INTEGER PRIMARY KEY,
                run_id TEXT NOT NULL UNIQUE,
                namespace TEXT NOT NULL,
                workflow_id TEXT NOT NULL,
                request_id TEXT NOT NULL,
                state BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS history_event (
                run_seq INTEGER NOT NULL REFERENCES run (seq),
                event_id INTEGER NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (run_seq, event_id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS registration (
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (kind, name)) WITHOUT ROWID;
            """);
        Execute($"PRAGMA user_version={SchemaVersion}");
        Commit(schema);
    }

    /// <summary>Every run, in the order the runs were started, with its history.</summary>
    public IReadOnlyList<StoredRun> LoadRuns()
    {
        lock (gate)
        {
            var events = new Dictionary<long, List<HistoryEvent>>();
            using (var read = Command("SELECT run_seq, data FROM history_event ORDER BY run_seq, event_id"))
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                {
                    var seq = reader.GetInt64(0);
                    if (!events.TryGetValue(seq, out var list))
                    {
                        events[seq] = list = [];
                    }
                    list.Add(HistoryEvent.Parser.ParseFrom((byte[])reader.GetValue(1)));
                }
            }
            var runs = new List<StoredRun>();
            using var command = Command("SELECT seq, run_id, namespace, workflow_id, request_id, state FROM run ORDER BY seq");
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                var seq = rows.GetInt64(0);
                var runId = rows.GetString(1);
                runSequence[runId] = seq;
                lastSequence = Math.Max(lastSequence, seq);
                runs.Add(new StoredRun(
                    rows.GetString(2), rows.GetString(3), runId, rows.GetString(4),
                    events.TryGetValue(seq, out var history) ? history : [],
                    DurableRunState.Decode((byte[])rows.GetValue(5))));
            }
            return runs;
        }
    }

    /// <summary>Writes the changes of one workflow (all its runs) in one transaction.</summary>
    public void Save(IReadOnlyList<RunChanges> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }
        lock (gate)
        {
            try
            {
                using var write = Begin();
                foreach (var change in changes)
                {
                    var seq = change.IsNew ? InsertRun(change) : runSequence[change.RunId];
                    if (!change.IsNew && change.State is { } state)
                    {
                        using var update = Command("UPDATE run SET state = $state WHERE seq = $seq");
                        update.Parameters.AddWithValue("$state", state);
                        update.Parameters.AddWithValue("$seq", seq);
                        update.ExecuteNonQuery();
                    }
                    InsertEvents(seq, change.NewEvents);
                }
                if (VirtualNow is { } now)
                {
                    Upsert(ClockKind, ClockName, now().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                }
                Commit(write);
            }
            catch (SqliteException error)
            {
                // The change is already in memory and cannot be taken back; answering as if it were durable would
                // be a lie the next restart exposes. Stop, so the restart starts from what is on disk.
                Environment.FailFast($"offline Temporal server: writing {Path} failed ({error.Message}); stopping so a restart resumes from the last durable state.");
            }
            if (KillAfterWrites > 0 && ++writes == KillAfterWrites)
            {
                System.Diagnostics.Process.GetCurrentProcess().Kill();
            }
        }
    }

    private long InsertRun(RunChanges change)
    {
        var seq = ++lastSequence;
        using var insert = Command("""
            INSERT INTO run (seq, run_id, namespace, workflow_id, request_id, state)
            VALUES ($seq, $run_id, $namespace, $workflow_id, $request_id, $state)
            """);
        insert.Parameters.AddWithValue("$seq", seq);
        insert.Parameters.AddWithValue("$run_id", change.RunId);
        insert.Parameters.AddWithValue("$namespace", change.Namespace);
        insert.Parameters.AddWithValue("$workflow_id", change.WorkflowId);
        insert.Parameters.AddWithValue("$request_id", change.RequestId);
        insert.Parameters.AddWithValue("$state", change.State ?? DurableRunState.Empty.Encode());
        insert.ExecuteNonQuery();
        runSequence[change.RunId] = seq;
        return seq;
    }

    private void InsertEvents(long seq, IReadOnlyList<HistoryEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }
        using var insert = Command("INSERT INTO history_event (run_seq, event_id, data) VALUES ($seq, $event_id, $data)");
        var seqParameter = insert.Parameters.Add("$seq", SqliteType.Integer);
        var idParameter = insert.Parameters.Add("$event_id", SqliteType.Integer);
        var dataParameter = insert.Parameters.Add("$data", SqliteType.Blob);
        seqParameter.Value = seq;
        foreach (var historyEvent in events)
        {
            idParameter.Value = historyEvent.EventId;
            dataParameter.Value = historyEvent.ToByteArray();
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>Namespaces and search attributes registered while the server ran: (kind, name, value).</summary>
    public IReadOnlyList<(string Kind, string Name, string Value)> LoadRegistrations()
    {
        lock (gate)
        {
            var found = new List<(string, string, string)>();
            using var command = Command("SELECT kind, name, value FROM registration ORDER BY kind, name");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
            return found;
        }
    }

    public void SaveRegistration(string kind, string name, string value)
    {
        lock (gate)
        {
            Upsert(kind, name, value);
        }
    }

    /// <summary>Records where a time-skipping clock has skipped to when no workflow change records it (a test's sleep).</summary>
    public void SaveVirtualNow(DateTime now)
    {
        lock (gate)
        {
            Upsert(ClockKind, ClockName, now.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The virtual time the last write recorded (see <see cref="VirtualNow"/>), if any.</summary>
    public DateTime? LoadVirtualNow()
    {
        lock (gate)
        {
            using var command = Command("SELECT value FROM registration WHERE kind = $kind AND name = $name");
            command.Parameters.AddWithValue("$kind", ClockKind);
            command.Parameters.AddWithValue("$name", ClockName);
            return command.ExecuteScalar() is string value
                ? DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind)
                : null;
        }
    }

    private const string ClockKind = "clock";
    private const string ClockName = "now";

    private void Upsert(string kind, string name, string value)
    {
        using var command = Command("INSERT OR REPLACE INTO registration (kind, name, value) VALUES ($kind, $name, $value)");
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    public void DeleteRegistration(string kind, string name)
    {
        lock (gate)
        {
            using var command = Command("DELETE FROM registration WHERE kind = $kind AND name = $name");
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$name", name);
            command.ExecuteNonQuery();
        }
    }

    public void Dispose() => connection.Dispose();

    private SqliteTransaction Begin() => transaction = connection.BeginTransaction();

    private void Commit(SqliteTransaction done)
    {
        done.Commit();
        transaction = null;
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar();
    }
}
