using Cordon.Audit;
using Cordon.Sharing;
using Cordon.Storage;
using Microsoft.Data.Sqlite;

namespace Cordon.Sqlite;

/// <summary>The sharing half of the store: agencies, keys, handling rules, the audit chain and notifications.</summary>
public sealed partial class SqliteStore
{
    public void AddAgency(Agency agency, AuditEntry audit) => Write(audit, (connection, transaction) =>
    {
        if (Scalar(connection, transaction, "SELECT code FROM agencies WHERE lower(code) = lower($code)", ("$code", agency.Code)) is string taken)
        {
            throw new StoreException($"agency '{taken}' already exists (codes are unique whatever their case)");
        }

        Execute(connection, transaction, "INSERT INTO agencies (code, name, country, created_at) VALUES ($code, $name, $country, $at)",
            ("$code", agency.Code), ("$name", agency.Name), ("$country", agency.Country), ("$at", AuditEntry.FormatTime(agency.CreatedAt)));
    });

    public IReadOnlyList<Agency> GetAgencies() =>
        Query($"SELECT {StoredRows.AgencyColumns} FROM agencies ORDER BY code", StoredRows.Agency);

    public Agency? GetAgency(string code) =>
        Query($"SELECT {StoredRows.AgencyColumns} FROM agencies WHERE code = $code", StoredRows.Agency, ("$code", code)).FirstOrDefault();

    public void AddKey(ApiKey key, byte[] hash, AuditEntry audit) => Write(audit, (connection, transaction) =>
    {
        if (Scalar(connection, transaction, "SELECT 1 FROM agencies WHERE code = $code", ("$code", key.Agency)) is null)
        {
            throw new StoreException($"no agency '{key.Agency}': add it first (cordon agency add)");
        }

        Execute(connection, transaction, """
            INSERT INTO api_keys (id, hash, agency, role, label, created_at, revoked_at, purpose)
            VALUES ($id, $hash, $agency, $role, $label, $at, NULL, $purpose)
            """,
            ("$id", key.Id), ("$hash", hash), ("$agency", key.Agency), ("$role", Roles.Name(key.Role)), ("$label", key.Label),
            ("$at", AuditEntry.FormatTime(key.CreatedAt)), ("$purpose", (object?)key.Purpose ?? DBNull.Value));
    });

    public ApiKey? FindKey(byte[] hash) =>
        Query($"SELECT {StoredRows.KeyColumns} FROM api_keys WHERE hash = $hash", StoredRows.Key, ("$hash", hash)).FirstOrDefault();

    public bool RevokeKey(string id, DateTimeOffset at, AuditEntry audit)
    {
        var revoked = false;
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "UPDATE api_keys SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL";
            command.Parameters.AddWithValue("$at", AuditEntry.FormatTime(at));
            command.Parameters.AddWithValue("$id", id);
            revoked = command.ExecuteNonQuery() == 1;
        }

        if (revoked)
        {
            SqliteAudit.Append(connection, transaction, [audit], []);
            transaction.Commit();
        }

        return revoked;
    }

    public IReadOnlyList<ApiKey> GetKeys(string? agency = null) => agency is null
        ? Query($"SELECT {StoredRows.KeyColumns} FROM api_keys ORDER BY agency, created_at, id", StoredRows.Key)
        : Query($"SELECT {StoredRows.KeyColumns} FROM api_keys WHERE agency = $agency ORDER BY created_at, id", StoredRows.Key, ("$agency", agency));

    public void CreateDataset(string name, string title, string owner, HandlingRule rule, AuditEntry audit) => Write(audit, (connection, transaction) =>
    {
        if (!ImportRequest.IsValidDatasetName(name))
        {
            throw new StoreException(ImportRequest.InvalidNameReason(name));
        }

        if (Scalar(connection, transaction, "SELECT 1 FROM datasets WHERE name = $name", ("$name", name)) is not null)
        {
            throw new StoreException($"dataset '{name}' already exists");
        }

        Execute(connection, transaction, """
            INSERT INTO datasets (name, title, owner, format, version, records, entities, updated_at, handling, share_with)
            VALUES ($name, $title, $owner, 'api', 0, 0, 0, $now, $handling, $share)
            """,
            ("$name", name), ("$title", title), ("$owner", owner), ("$now", AuditEntry.FormatTime(audit.At)),
            ("$handling", rule.Name), ("$share", rule.ShareWithText));
    });

    public void SetDatasetHandling(string name, HandlingRule rule, AuditEntry audit) => Write(audit, (connection, transaction) =>
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE datasets SET handling = $handling, share_with = $share, updated_at = $now WHERE name = $name";
        command.Parameters.AddWithValue("$now", AuditEntry.FormatTime(audit.At));
        command.Parameters.AddWithValue("$handling", rule.Name);
        command.Parameters.AddWithValue("$share", rule.ShareWithText);
        command.Parameters.AddWithValue("$name", name);
        if (command.ExecuteNonQuery() == 0)
        {
            throw new StoreException($"no dataset '{name}'");
        }
    });

    public string GetStateStamp() => Query("""
        SELECT COALESCE(group_concat(name || ' ' || owner || ' ' || version || ' ' || handling || ' ' || share_with || ' ' || updated_at, '|'), '')
        FROM (SELECT * FROM datasets ORDER BY name)
        """, r => r.GetString(0))[0];

    public HandlingMap GetHandling()
    {
        var datasets = Query("SELECT name, owner, handling, share_with FROM datasets", StoredRows.DatasetRule);
        var overrides = Query("SELECT id, dataset, handling, share_with FROM entity_handling", StoredRows.EntityRule);
        return new HandlingMap(datasets, overrides);
    }

    public ImportResult ChangeEntities(string dataset, IReadOnlyList<EntityChange> upserts, IReadOnlyList<string> withdrawals, AuditEntry audit)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = new EntityChangeWriter(connection, transaction, dataset).Run(upserts, withdrawals, audit.At);
        SqliteAudit.Append(connection, transaction, [audit], []);
        transaction.Commit();
        return result;
    }

    public long Append(IReadOnlyList<AuditEntry> entries, IReadOnlyList<Notification> notifications, IReadOnlyList<ReviewItem>? reviews = null)
    {
        if (entries.Count == 0 && notifications.Count == 0 && reviews is not { Count: > 0 })
        {
            return 0;
        }

        lock (_appending)
        {
            // One connection with its statements compiled serves every append, and is opened again after a failure.
            var appender = _appender ??= Appender.Open(this);
            try
            {
                using var transaction = appender.Connection.BeginTransaction(deferred: false);
                var first = appender.Audit.Append(transaction, entries, notifications, reviews ?? []);
                transaction.Commit();
                _checkpointer?.AfterCommit(appender.Connection);
                return first;
            }
            catch
            {
                appender.Dispose();
                _appender = null;
                throw;
            }
        }
    }

    /// <summary>The connection audit appends reuse, and its compiled statements.</summary>
    private sealed class Appender : IDisposable
    {
        private Appender(SqliteConnection connection)
        {
            Connection = connection;
            Audit = new SqliteAudit(connection);
        }

        public SqliteConnection Connection { get; }

        public SqliteAudit Audit { get; }

        public static Appender Open(SqliteStore store)
        {
            var connection = store.Connect();
            try
            {
                return new Appender(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            Audit.Dispose();
            Connection.Dispose();
        }
    }

    public (long Seq, string Hash) GetAuditHead() =>
        Query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", r => (r.GetInt64(0), r.GetString(1))) is [var head] ? head : (0, AuditChain.Genesis);

    public IEnumerable<AuditRecord> ReadAudit(string? agency = null, long afterSeq = 0, int limit = int.MaxValue)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.AuditColumns} FROM audit WHERE seq > $after"
            + (agency is null ? "" : " AND agency = $agency") + " ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$after", afterSeq);
        command.Parameters.AddWithValue("$limit", limit);
        if (agency is not null)
        {
            command.Parameters.AddWithValue("$agency", agency);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return StoredRows.Audit(reader);
        }
    }

    public IReadOnlyList<StoredNotification> GetNotifications(string agency, long afterSeq = 0, int limit = 100) => Query($"""
        SELECT {StoredRows.NotificationColumns}
        FROM notifications WHERE agency = $agency AND seq > $after ORDER BY seq LIMIT $limit
        """,
        StoredRows.Notification,
        ("$agency", agency), ("$after", afterSeq), ("$limit", limit));

    /// <summary>Runs a change and appends its audit entry in the same transaction.</summary>
    private void Write(AuditEntry audit, Action<SqliteConnection, SqliteTransaction> change)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        change(connection, transaction);
        SqliteAudit.Append(connection, transaction, [audit], []);
        transaction.Commit();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only constant SQL reaches here; values are parameters.")]
    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var result = new List<T>();
        while (reader.Read())
        {
            result.Add(map(reader));
        }

        return result;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only constant SQL reaches here; values are parameters.")]
    internal static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar();
    }

}
