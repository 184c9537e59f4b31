namespace OrleansStreams.Silo.Commands.ConsumerGroups;

internal enum ReadGroupIdKind
{
    /// <summary><c>&gt;</c>: entries never delivered to the group.</summary>
    New,

    /// <summary>An explicit ID: the consumer's own pending entries after it.</summary>
    History,

    /// <summary><c>$</c>, meaningless here.</summary>
    Dollar,

    /// <summary><c>+</c>, meaningless here (Redis 7.4+ says so; older versions call it an invalid ID).</summary>
    Plus,

    Invalid,
}
