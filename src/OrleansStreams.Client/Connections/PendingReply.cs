using OrleansStreams.Protocol;

namespace OrleansStreams.Client;

/// <summary>A command waiting to be written, then for its reply. Replies arrive in the order commands were written.</summary>
internal sealed class PendingReply : TaskCompletionSource<RespValue>
{
    private CancellationTokenRegistration _cancellation;

    public PendingReply(CommandBuilder command) : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        Command = command;
    }

    public CommandBuilder Command { get; }

    /// <summary>Cancelling gives up on the reply; if the command was already written its reply is read and dropped.</summary>
    public void CancelWith(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled) return;
        _cancellation = cancellationToken.UnsafeRegister(static (state, token) => ((PendingReply)state!).TrySetCanceled(token), this);
    }

    public void Complete(RespValue value)
    {
        TrySetResult(value);
        _cancellation.Dispose();
    }

    public void Fail(Exception exception)
    {
        TrySetException(exception);
        _cancellation.Dispose();
    }
}
