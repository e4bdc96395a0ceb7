using Directive920Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Content;

public static class ContentExtensions
{
    /// <summary>
    /// Registers <see cref="ContentOptions"/>, the <see cref="ContentService"/> singleton and a hosted
    /// service that loads it at start-up (broken content stops start-up with every file:line listed)
    /// and, when <see cref="ContentOptions.WatchForChanges"/> is set, reloads it when files change.
    /// </summary>
    public static IHostApplicationBuilder AddContent(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ContentOptions>()
            .Bind(builder.Configuration.GetSection(ContentOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>();
        builder.Services.AddClocks();
        builder.Services.AddSingleton(sp => new ContentService(
            ContentOptions.ResolvePath(sp.GetRequiredService<IOptions<ContentOptions>>().Value.Path, Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
            sp.GetRequiredService<ILogger<ContentService>>(),
            sp.GetService<BotClock>()));
        builder.Services.AddHealthChecks().AddCheck<ContentHealthCheck>("content");

        // Resolving the watcher resolves ContentService, so a broken folder fails Host.StartAsync.
        builder.Services.AddHostedService(sp => new ContentWatcher(
            sp.GetRequiredService<ContentService>(),
            sp.GetRequiredService<IOptions<ContentOptions>>().Value,
            sp.GetRequiredKeyedService<TimeProvider>(Clocks.Transport),
            sp.GetRequiredService<ILogger<ContentWatcher>>()));
        return builder;
    }
}

/// <summary>Reloads the catalogue after files in the content folder change (debounced; editors write several times per save).</summary>
public sealed class ContentWatcher(ContentService service, ContentOptions options, TimeProvider time, ILogger<ContentWatcher> logger) : IHostedService, IDisposable
{
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);

    private FileSystemWatcher? watcher;
    private ITimer? timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.WatchForChanges)
        {
            return Task.CompletedTask;
        }

        timer = time.CreateTimer(_ => ReloadNow(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        watcher = new FileSystemWatcher(service.RootPath) { IncludeSubdirectories = true };
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        watcher.Error += (_, e) => logger.LogWarning(e.GetException(), "Content watcher error; edits may need a restart to show");
        watcher.EnableRaisingEvents = true;
        logger.LogInformation("Watching {Path} for content changes", service.RootPath);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (watcher is not null)
        {
            watcher.EnableRaisingEvents = false;
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        watcher?.Dispose();
        timer?.Dispose();
    }

    private void OnChange(object sender, FileSystemEventArgs e) => timer?.Change(Debounce, Timeout.InfiniteTimeSpan);

    private void ReloadNow()
    {
        try
        {
            service.Reload();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Reload already reports content problems; this is only for the file system failing underneath.
            logger.LogError(ex, "Content reload failed; keeping the previous catalogue");
        }
    }
}
