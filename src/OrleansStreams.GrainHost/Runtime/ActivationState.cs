namespace OrleansStreams.GrainHost;

internal enum ActivationState
{
    Activating,
    Active,
    Deactivating,
    Deactivated,
}
