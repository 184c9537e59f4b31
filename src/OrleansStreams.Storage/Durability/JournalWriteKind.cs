namespace OrleansStreams.Storage;

internal enum JournalWriteKind
{
    Append,
    Replace,
    Delete,

    /// <summary>Not a write: asks the writer loop to make everything committed before it durable.</summary>
    Flush,
}
