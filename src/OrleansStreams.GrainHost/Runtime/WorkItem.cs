namespace OrleansStreams.GrainHost;

/// <summary>Something that runs as a turn of an activation: a request or a timer tick.</summary>
internal abstract class WorkItem
{
    /// <summary>The activation a posted item is headed for; set just before posting.</summary>
    internal ActivationData? Target { get; set; }

    /// <summary>Marks the item as started; false when it was cancelled while it waited in the queue.</summary>
    internal virtual bool TryClaim() => true;

    /// <summary>
    /// Runs the item as the activation's turn, inside its scheduler. If the item finishes synchronously it has
    /// already called <see cref="ActivationData.CompleteTurn"/>; otherwise it does so (and resumes the queue) later.
    /// </summary>
    internal abstract void RunTurn(ActivationData activation);

    /// <summary>The activation went away before the item ran.</summary>
    internal abstract void Redirect(ActivationData previous);

    /// <summary>The activation failed to activate, so the item cannot run.</summary>
    internal abstract void Fail(Exception exception);
}
