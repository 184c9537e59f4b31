namespace OrleansStreams.AppHost.Hosting;

/// <summary>Polls a child's /health until it answers 200, the child exits, or the time runs out.</summary>
public static class HealthProbe
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public static async Task<bool> WaitHealthyAsync(HttpClient http, Uri url, Task exited, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (!deadline.IsCancellationRequested && !exited.IsCompleted)
        {
            if (await IsHealthyAsync(http, url, deadline.Token)) return true;
            try
            {
                await Task.WhenAny(exited, Task.Delay(Interval, deadline.Token));
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return false;
    }

    public static async Task<bool> IsHealthyAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // This attempt timed out.
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
