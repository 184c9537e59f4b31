namespace OrleansStreams.Storage;

/// <summary>
/// The PostgreSQL statements, for one schema. The layout matches SQLite's (see SqliteSchema). Each write is one
/// statement so a whole batch goes to the server in one round trip: a data-modifying CTE checks the version
/// (the UPDATE's WHERE re-checks it after waiting for a concurrent writer's row lock, so two writers cannot both
/// pass), then inserts, deletes or upserts, and the statement returns (new version, stored version): a NULL new
/// version is a conflict, reported without raising an error, so it does not abort the batch's transaction.
/// Parameters are always $1 grain type, $2 grain key, $3 state name, $4 expected version, $5 payload(s).
/// </summary>
internal sealed class PostgresSql
{
    public PostgresSql(string schema)
    {
        var s = $"\"{schema}\"";
        Schema = schema;
        StoredVersion = $"(SELECT version FROM {s}.journals WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3)";
        var insertRecords = $"""
            r AS (INSERT INTO {s}.records (journal_id, seq, payload)
                  SELECT j.id, j.next_seq - cardinality($5::bytea[]) + p.ord - 1, p.payload
                  FROM j, unnest($5::bytea[]) WITH ORDINALITY AS p(payload, ord))
            """;
        var upsertSnapshot = $"""
            sn AS (INSERT INTO {s}.snapshots (journal_id, generation, seq, payload)
                   SELECT j.id, j.generation, j.next_seq, $5::bytea FROM j
                   ON CONFLICT (journal_id) DO UPDATE SET generation = EXCLUDED.generation, seq = EXCLUDED.seq, payload = EXCLUDED.payload)
            """;

        AppendNew = $"""
            WITH j AS (INSERT INTO {s}.journals (grain_type, grain_key, state_name, generation, version, next_seq)
                       SELECT $1, $2, $3, 0, 1, cardinality($5::bytea[]) WHERE $4::bigint = 0
                       ON CONFLICT (grain_type, grain_key, state_name) DO NOTHING
                       RETURNING id, version, next_seq),
            {insertRecords}
            SELECT (SELECT version FROM j), {StoredVersion}
            """;
        Append = $"""
            WITH j AS (UPDATE {s}.journals SET version = version + 1, next_seq = next_seq + cardinality($5::bytea[])
                       WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $4
                       RETURNING id, version, next_seq),
            {insertRecords}
            SELECT (SELECT version FROM j), {StoredVersion}
            """;
        ReplaceNew = $"""
            WITH j AS (INSERT INTO {s}.journals (grain_type, grain_key, state_name, generation, version, next_seq)
                       SELECT $1, $2, $3, 1, 1, 0 WHERE $4::bigint = 0
                       ON CONFLICT (grain_type, grain_key, state_name) DO NOTHING
                       RETURNING id, version, generation, next_seq),
            {upsertSnapshot}
            SELECT (SELECT version FROM j), {StoredVersion}
            """;
        Replace = $"""
            WITH j AS (UPDATE {s}.journals SET version = version + 1, generation = generation + 1
                       WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $4
                       RETURNING id, version, generation, next_seq),
            d AS (DELETE FROM {s}.records r USING j WHERE r.journal_id = j.id),
            {upsertSnapshot}
            SELECT (SELECT version FROM j), {StoredVersion}
            """;
        Delete = $"""
            WITH j AS (DELETE FROM {s}.journals
                       WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $4
                       RETURNING id),
            d AS (DELETE FROM {s}.records r USING j WHERE r.journal_id = j.id),
            ds AS (DELETE FROM {s}.snapshots sn USING j WHERE sn.journal_id = j.id)
            SELECT (SELECT 0::bigint FROM j), {StoredVersion}
            """;
        Read = $"""
            WITH j AS (SELECT id, version, next_seq FROM {s}.journals WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3)
            SELECT 0, version, next_seq, NULL::bytea FROM j
            UNION ALL
            SELECT 1, sn.seq, sn.generation, sn.payload FROM {s}.snapshots sn JOIN j ON sn.journal_id = j.id
            UNION ALL
            SELECT 2, r.seq, 0, r.payload FROM {s}.records r JOIN j ON r.journal_id = j.id
            ORDER BY 1, 2
            """;
        List = $"SELECT grain_type, grain_key, state_name, version FROM {s}.journals WHERE $1::text IS NULL OR grain_type = $1 ORDER BY id";
        Sync = $"UPDATE {s}.storage_meta SET value = value + 1 WHERE name = 'sync'";
        Exists = $"SELECT to_regclass('{s}.storage_meta') IS NOT NULL";
        Format = $"SELECT value FROM {s}.storage_meta WHERE name = 'format'";
        Create = $"""
            SELECT pg_advisory_xact_lock(hashtext('orleansstreams.journal.schema.' || '{schema}'));
            CREATE SCHEMA IF NOT EXISTS {s};
            CREATE TABLE IF NOT EXISTS {s}.storage_meta (
                name text PRIMARY KEY,
                value bigint NOT NULL);
            INSERT INTO {s}.storage_meta (name, value) VALUES ('format', 1), ('sync', 0) ON CONFLICT (name) DO NOTHING;
            CREATE TABLE IF NOT EXISTS {s}.journals (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                grain_type text NOT NULL,
                grain_key bytea NOT NULL,
                state_name text NOT NULL,
                generation bigint NOT NULL,
                version bigint NOT NULL,
                next_seq bigint NOT NULL,
                UNIQUE (grain_type, grain_key, state_name));
            CREATE TABLE IF NOT EXISTS {s}.records (
                journal_id bigint NOT NULL,
                seq bigint NOT NULL,
                payload bytea NOT NULL,
                PRIMARY KEY (journal_id, seq));
            CREATE TABLE IF NOT EXISTS {s}.snapshots (
                journal_id bigint PRIMARY KEY,
                generation bigint NOT NULL,
                seq bigint NOT NULL,
                payload bytea NOT NULL);
            """;
    }

    public const int FormatVersion = 1;

    public string Schema { get; }

    public string StoredVersion { get; }

    public string AppendNew { get; }

    public string Append { get; }

    public string ReplaceNew { get; }

    public string Replace { get; }

    public string Delete { get; }

    public string Read { get; }

    public string List { get; }

    public string Sync { get; }

    public string Exists { get; }

    public string Format { get; }

    public string Create { get; }
}
