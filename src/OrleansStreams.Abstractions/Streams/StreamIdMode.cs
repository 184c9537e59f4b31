namespace OrleansStreams.Streams;

/// <summary>How XADD chooses the new entry's ID.</summary>
public enum StreamIdMode
{
    /// <summary><c>*</c>: now-0, or last ID + 1 when the clock has not moved past it.</summary>
    Auto,

    /// <summary><c>ms-seq</c> (or <c>ms</c>): exactly this ID.</summary>
    Explicit,

    /// <summary><c>ms-*</c>: this ms with the next free sequence.</summary>
    AutoSequence,
}
