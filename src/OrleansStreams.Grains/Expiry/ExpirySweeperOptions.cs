namespace OrleansStreams.Grains.Expiry;

public sealed class ExpirySweeperOptions
{
    /// <summary>How often expired keys are looked for. Readers already see expired keys as gone; sweeping frees their state.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many keys are evicted per sweep, so one sweep cannot monopolise the grains.</summary>
    public int MaxKeysPerSweep { get; set; } = 1000;
}
