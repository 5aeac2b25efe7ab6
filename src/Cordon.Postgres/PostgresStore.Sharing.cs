using Cordon.Audit;
using Cordon.Model;
using Cordon.Sharing;
using Cordon.Storage;
using Npgsql;

namespace Cordon.Postgres;

/// <summary>
/// The sharing half of the store: agencies, keys, handling rules, the audit chain, notifications, review items and
/// monitored subjects. Every change commits with its audit entry, and tells the other nodes (NOTIFY on
/// <see cref="ChangeChannel"/>) what kind of state moved and which store instance moved it (<see cref="Node"/>); the state
/// itself is in the tables, so a node that missed a notification catches up by reading them.
/// </summary>
public sealed partial class PostgresStore
{
    /// <summary>The channel changes are announced on; the payload is one of the kinds below, a space, and the announcing <see cref="Node"/>.</summary>
    public const string ChangeChannel = "cordon_changes";

    /// <summary>
    /// This store instance, as its announcements name it: a node that hears its own announcement has nothing to catch up
    /// on (the server answers a change only once its own view has it), and under load its own audit commits would
    /// otherwise wake it hundreds of times a second.
    /// </summary>
    public string Node { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>A dataset's content, version or rule changed.</summary>
    public const string DatasetsChanged = "datasets";

    /// <summary>Review items were added or decided.</summary>
    public const string ReviewsChanged = "reviews";

    /// <summary>A monitored subject was added or removed.</summary>
    public const string MonitoredChanged = "monitored";

    public void AddAgency(Agency agency, AuditEntry audit) => Write(audit, null, (connection, transaction) =>
    {
        if (PostgresSql.Scalar<string>(connection, transaction, "SELECT code FROM agencies WHERE lower(code) = lower($1)", agency.Code) is { } taken)
        {
            throw new StoreException($"agency '{taken}' already exists (codes are unique whatever their case)");
        }

        PostgresSql.Execute(connection, transaction, "INSERT INTO agencies (code, name, country, created_at) VALUES ($1, $2, $3, $4)",
            agency.Code, agency.Name, agency.Country, AuditEntry.FormatTime(agency.CreatedAt));
    });

    public IReadOnlyList<Agency> GetAgencies() =>
        Query($"SELECT {StoredRows.AgencyColumns} FROM agencies ORDER BY code COLLATE \"C\"", StoredRows.Agency);

    public Agency? GetAgency(string code) =>
        Query($"SELECT {StoredRows.AgencyColumns} FROM agencies WHERE code = $1", StoredRows.Agency, code).FirstOrDefault();

    public void AddKey(ApiKey key, byte[] hash, AuditEntry audit) => Write(audit, null, (connection, transaction) =>
    {
        if (PostgresSql.Scalar<int?>(connection, transaction, "SELECT 1 FROM agencies WHERE code = $1", key.Agency) is null)
        {
            throw new StoreException($"no agency '{key.Agency}': add it first (cordon agency add)");
        }

        PostgresSql.Execute(connection, transaction, """
            INSERT INTO api_keys (id, hash, agency, role, label, created_at, revoked_at, purpose) VALUES ($1, $2, $3, $4, $5, $6, NULL, $7)
            """,
            key.Id, hash, key.Agency, Roles.Name(key.Role), key.Label, AuditEntry.FormatTime(key.CreatedAt), (object?)key.Purpose ?? DBNull.Value);
    });

    public ApiKey? FindKey(byte[] hash) =>
        Query($"SELECT {StoredRows.KeyColumns} FROM api_keys WHERE hash = $1", StoredRows.Key, hash).FirstOrDefault();

    public bool RevokeKey(string id, DateTimeOffset at, AuditEntry audit) => WriteIf(audit, null, (connection, transaction) =>
    {
        using var command = PostgresSql.Command(connection, transaction, "UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
            AuditEntry.FormatTime(at), id);
        return command.ExecuteNonQuery() == 1;
    });

    public IReadOnlyList<ApiKey> GetKeys(string? agency = null) => Query(
        $"SELECT {StoredRows.KeyColumns} FROM api_keys WHERE $1::text IS NULL OR agency = $1 ORDER BY agency COLLATE \"C\", created_at COLLATE \"C\", id COLLATE \"C\"",
        StoredRows.Key, (object?)agency ?? DBNull.Value);

    public void CreateDataset(string name, string title, string owner, HandlingRule rule, AuditEntry audit) => Write(audit, DatasetsChanged, (connection, transaction) =>
    {
        if (!ImportRequest.IsValidDatasetName(name))
        {
            throw new StoreException(ImportRequest.InvalidNameReason(name));
        }

        // ON CONFLICT: another node may create the same name between a check and the insert.
        using var command = PostgresSql.Command(connection, transaction, """
            INSERT INTO datasets (name, title, owner, format, version, records, entities, updated_at, handling, share_with)
            VALUES ($1, $2, $3, 'api', 0, 0, 0, $4, $5, $6) ON CONFLICT (name) DO NOTHING
            """,
            name, title, owner, AuditEntry.FormatTime(audit.At), rule.Name, rule.ShareWithText);
        if (command.ExecuteNonQuery() == 0)
        {
            throw new StoreException($"dataset '{name}' already exists");
        }
    });

    public void SetDatasetHandling(string name, HandlingRule rule, AuditEntry audit) => Write(audit, DatasetsChanged, (connection, transaction) =>
    {
        using var command = PostgresSql.Command(connection, transaction, "UPDATE datasets SET handling = $1, share_with = $2, updated_at = $3 WHERE name = $4",
            rule.Name, rule.ShareWithText, AuditEntry.FormatTime(audit.At), name);
        if (command.ExecuteNonQuery() == 0)
        {
            throw new StoreException($"no dataset '{name}'");
        }
    });

    public string GetStateStamp() => Query("""
        SELECT COALESCE(string_agg(name || ' ' || owner || ' ' || version || ' ' || handling || ' ' || share_with || ' ' || updated_at, '|'
            ORDER BY name COLLATE "C"), '')
        FROM datasets
        """, r => r.GetString(0))[0];

    public HandlingMap GetHandling()
    {
        var datasets = Query("SELECT name, owner, handling, share_with FROM datasets", StoredRows.DatasetRule);
        var overrides = Query("SELECT id, dataset, handling, share_with FROM entity_handling", StoredRows.EntityRule);
        return new HandlingMap(datasets, overrides);
    }

    public ImportResult ChangeEntities(string dataset, IReadOnlyList<EntityChange> upserts, IReadOnlyList<string> withdrawals, AuditEntry audit)
    {
        ImportResult? result = null;
        Write(audit, DatasetsChanged, (connection, transaction) =>
        {
            // The same lock as an import of the dataset: the two would otherwise both write its next version.
            PostgresSql.Execute(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext($1))", ImportLockPrefix + dataset);
            result = new EntityChangeWriter(connection, transaction, dataset).Run(upserts, withdrawals, audit.At);
        });
        return result!;
    }

    public long Append(IReadOnlyList<AuditEntry> entries, IReadOnlyList<Notification> notifications, IReadOnlyList<ReviewItem>? reviews = null)
    {
        if (entries.Count == 0 && notifications.Count == 0 && reviews is not { Count: > 0 })
        {
            return 0;
        }

        lock (_appending)
        {
            var connection = _appender ??= Connect();
            try
            {
                return PostgresAudit.AppendAndCommit(connection, entries, notifications, reviews ?? [], Node, _auditHead);
            }
            catch
            {
                // The connection may be broken: the next append opens another.
                connection.Dispose();
                _appender = null;
                throw;
            }
        }
    }

    public (long Seq, string Hash) GetAuditHead() =>
        Query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", r => (r.GetInt64(0), r.GetString(1))) is [var head] ? head : (0, AuditChain.Genesis);

    public IEnumerable<AuditRecord> ReadAudit(string? agency = null, long afterSeq = 0, int limit = int.MaxValue)
    {
        using var connection = Connect();
        using var command = PostgresSql.Command(connection, null, $"""
            SELECT {StoredRows.AuditColumns} FROM audit
            WHERE seq > $1 AND ($2::text IS NULL OR agency = $2) ORDER BY seq LIMIT $3
            """, afterSeq, (object?)agency ?? DBNull.Value, limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return StoredRows.Audit(reader);
        }
    }

    public IReadOnlyList<StoredNotification> GetNotifications(string agency, long afterSeq = 0, int limit = 100) => Query($"""
        SELECT {StoredRows.NotificationColumns}
        FROM notifications WHERE agency = $1 AND seq > $2 ORDER BY seq LIMIT $3
        """,
        StoredRows.Notification,
        agency, afterSeq, limit);

    public IReadOnlyList<Entity> ReadChangedEntities(string dataset, int afterVersion) => Query(
        $"SELECT {StoredRows.EntityColumns} FROM entities WHERE dataset = $1 AND version > $2 ORDER BY id COLLATE \"C\"",
        StoredRows.Entity, dataset, afterVersion);

    public IReadOnlyList<string> ReadRemovedIds(string dataset, int afterVersion) => Query(
        "SELECT DISTINCT id COLLATE \"C\" FROM removed_entities WHERE dataset = $1 AND version > $2 ORDER BY 1",
        r => r.GetString(0), dataset, afterVersion);

    /// <summary>Runs a change and appends its audit entry in the same transaction; announces <paramref name="kind"/> when it commits.</summary>
    private void Write(AuditEntry audit, string? kind, Action<NpgsqlConnection, NpgsqlTransaction> change) =>
        WriteIf(audit, kind, (connection, transaction) =>
        {
            change(connection, transaction);
            return true;
        });

    /// <summary>Runs a change that may find nothing to do; only when it returns true are its audit entry and announcement written.</summary>
    private bool WriteIf(AuditEntry audit, string? kind, Func<NpgsqlConnection, NpgsqlTransaction, bool> change)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        if (!change(connection, transaction))
        {
            return false;
        }

        PostgresAudit.Append(connection, transaction, [audit], [], [], Node);
        if (kind is not null)
        {
            Announce(connection, transaction, kind);
        }

        transaction.Commit();
        return true;
    }

    /// <summary>Tells the other nodes, when the transaction commits, that state of this kind changed.</summary>
    private void Announce(NpgsqlConnection connection, NpgsqlTransaction transaction, string kind) =>
        PostgresSql.Execute(connection, transaction, "SELECT pg_notify($1, $2)", ChangeChannel, kind + " " + Node);
}
