namespace OrleansStreams.GrainHost;

public enum DeactivationReason
{
    ActivationIdle,
    ApplicationRequested,
    ShuttingDown,
    ApplicationError,
    InconsistentState,
}
