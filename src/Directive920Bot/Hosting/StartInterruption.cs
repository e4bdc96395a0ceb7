namespace Directive920Bot.Hosting;

/// <summary>A stop that arrives while the host is still starting.</summary>
public static class StartInterruption
{
    /// <summary>
    /// Stops the hosted services that had started (the host stops them in reverse order; one that never started has
    /// nothing to stop). What cannot stop cleanly is logged, not thrown: the process is on its way out either way.
    /// </summary>
    public static async Task StopStartedAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.StopAsync();
        }
        catch (Exception ex) when (ex is AggregateException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
        {
            app.Logger.LogWarning("Stopping after an interrupted start: {Error}", ex.Message);
        }
    }
}
