using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>
/// XADD's and XTRIM's parsed options. For XADD, <see cref="IdIndex"/> is the argument holding the ID (or
/// <c>*</c>), or the argument count when no ID was found; <see cref="SeqGiven"/> is false for <c>ms-*</c>.
/// </summary>
public readonly record struct AddTrimArguments(
    StreamTrimOptions Trim,
    bool NoMakeStream,
    int IdIndex,
    StreamIdMode IdMode,
    StreamId Id,
    bool SeqGiven);
