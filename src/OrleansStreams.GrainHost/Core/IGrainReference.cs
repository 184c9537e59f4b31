namespace OrleansStreams.GrainHost;

/// <summary>
/// A reference to a grain. Each invocation is one request: the activation is created on first use and runs
/// one request at a time (a turn lasts until the returned task completes). With Orleans' generated proxies,
/// <c>reference.InvokeAsync(g =&gt; g.Method(x))</c> becomes <c>grain.Method(x)</c>.
/// </summary>
public interface IGrainReference<out TGrainInterface> where TGrainInterface : IGrainWithStringKey
{
    GrainId GrainId { get; }

    ValueTask<TResult> InvokeAsync<TResult>(Func<TGrainInterface, ValueTask<TResult>> request, CancellationToken cancellationToken = default);

    ValueTask InvokeAsync(Func<TGrainInterface, ValueTask> request, CancellationToken cancellationToken = default);
}
