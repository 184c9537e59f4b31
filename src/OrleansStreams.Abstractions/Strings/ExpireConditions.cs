namespace OrleansStreams.Strings;

/// <summary>EXPIRE's NX / XX / GT / LT options (Redis 7.0); XX may combine with GT or LT.</summary>
[Flags]
public enum ExpireConditions
{
    None = 0,
    Nx = 1,
    Xx = 2,
    Gt = 4,
    Lt = 8,
}
