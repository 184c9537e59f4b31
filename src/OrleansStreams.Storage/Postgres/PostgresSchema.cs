using System.Globalization;
using Npgsql;

namespace OrleansStreams.Storage;

/// <summary>Creates the journal tables once per store instance (under an advisory lock, so two silos starting together do not race).</summary>
internal sealed class PostgresSchema(PostgresSql sql)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public async Task EnsureCreatedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            // Only read when the tables exist, so a login without CREATE rights can use a prepared database.
            await using (var exists = new NpgsqlCommand(sql.Exists, connection))
            {
                if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await using (var create = new NpgsqlCommand(sql.Create, connection, transaction))
                    {
                        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await using (var format = new NpgsqlCommand(sql.Format, connection))
            {
                var version = await format.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long? ?? PostgresSql.FormatVersion;
                if (version > PostgresSql.FormatVersion)
                {
                    throw new JournalStorageException(
                        $"The journal schema '{sql.Schema}' has format {version.ToString(CultureInfo.InvariantCulture)}; this build reads format {PostgresSql.FormatVersion.ToString(CultureInfo.InvariantCulture)} and older.",
                        JournalStorageFailure.Failed,
                        outcomeUnknown: false,
                        innerException: null);
                }
            }

            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
