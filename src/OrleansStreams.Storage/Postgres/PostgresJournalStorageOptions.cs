using System.Text.RegularExpressions;

namespace OrleansStreams.Storage;

public sealed partial class PostgresJournalStorageOptions : DatabaseJournalStorageOptions
{
    /// <summary>An Npgsql connection string (Host, Port, Database, Username, Password, ...).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The PostgreSQL schema holding the journal tables; created when missing. Lower-case letters, digits and '_'.</summary>
    public string Schema { get; set; } = "orleansstreams";

    internal new void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("PostgreSQL journal storage needs a connection string.", nameof(ConnectionString));
        }

        if (!SchemaName().IsMatch(Schema))
        {
            throw new ArgumentException($"'{Schema}' is not a plain schema name (lower-case letters, digits and '_', starting with a letter or '_').", nameof(Schema));
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
