namespace OrleansStreams.Strings;

/// <summary>SET's NX / XX.</summary>
public enum SetCondition
{
    Always,
    IfMissing,
    IfExists,
}
