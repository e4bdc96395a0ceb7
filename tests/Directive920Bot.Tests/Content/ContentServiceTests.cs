using Directive920Bot.Content;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Tests.Content;

public sealed class ContentServiceTests
{
    [Fact]
    public void Reload_keeps_the_old_catalogue_when_the_folder_breaks_and_takes_the_new_one_when_fixed()
    {
        using var content = new TempContent();
        var service = new ContentService(content.Root);
        var original = service.Current;
        var changes = new List<ContentCatalog>();
        service.Changed += (_, catalog) => changes.Add(catalog);

        var vi = content.PathOf("lessons/vi/01-basics.md");
        var good = File.ReadAllText(vi);
        File.WriteAllText(vi, good.Replace("correct: [1]", "correct: [9]", StringComparison.Ordinal));
        var broken = service.Reload();

        Assert.True(broken.HasErrors);
        Assert.Contains(broken.Errors, d => d.File == "lessons/vi/01-basics.md" && d.Line == 13);
        Assert.Same(original, service.Current);
        Assert.Empty(changes);

        File.WriteAllText(vi, good.Replace("**đối thoại**", "**đối thoại trực tiếp**", StringComparison.Ordinal));
        var fixedResult = service.Reload();

        Assert.False(fixedResult.HasErrors);
        Assert.NotSame(original, service.Current);
        Assert.Contains("đối thoại trực tiếp", service.Current.Find("basics")!.For("vi").Html, StringComparison.Ordinal);
        Assert.Equal([service.Current], changes);
    }

    [Fact]
    public async Task Startup_with_broken_content_fails_listing_every_file_and_line()
    {
        using var content = new TempContent("structure-mismatch");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Content:Path"] = content.Root,
            ["Content:WatchForChanges"] = "false",
        });
        builder.AddContent();
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<ContentValidationException>(() => host.StartAsync());

        Assert.Contains("lessons/en/01-basics.md:3: error: 'order'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("lessons/en/01-basics.md:12: error: question 'q1' has 4 options", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Diagnostics.Count(d => d.IsError));
    }

    [Fact]
    public async Task Startup_with_good_content_registers_the_service()
    {
        using var content = new TempContent();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Content:Path"] = content.Root;
        builder.Configuration["Content:WatchForChanges"] = "false";
        builder.AddContent();
        using var host = builder.Build();
        await host.StartAsync();

        Assert.NotNull(host.Services.GetRequiredService<ContentService>().Current.Find("basics"));
        await host.StopAsync();
    }

    [Fact]
    public async Task Invalid_options_name_the_key_and_the_value()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Content:Path"] = "   ";
        builder.AddContent();
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Content:Path", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'   '", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_path_is_found_from_the_current_directory_or_above_the_app()
    {
        using var content = new TempContent();
        var parent = Path.GetDirectoryName(content.Root)!;
        var name = Path.GetFileName(content.Root);
        var deep = Path.Combine(content.Root, "lessons", "vi");

        Assert.Equal(content.Root, ContentOptions.ResolvePath(name, parent, "/nowhere"));
        Assert.Equal(content.Root, ContentOptions.ResolvePath(name, "/nowhere", deep));
        Assert.Equal(content.Root, ContentOptions.ResolvePath(content.Root, "/nowhere", "/nowhere"));
    }

    [Fact]
    public async Task Watcher_reloads_after_a_file_changes()
    {
        using var content = new TempContent();
        var service = new ContentService(content.Root);
        var reloaded = new TaskCompletionSource<ContentCatalog>(TaskCreationOptions.RunContinuationsAsynchronously);
        service.Changed += (_, catalog) => reloaded.TrySetResult(catalog);
        using var watcher = new ContentWatcher(
            service, new ContentOptions { WatchForChanges = true }, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ContentWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);

        var en = content.PathOf("lessons/en/01-basics.md");
        await File.WriteAllTextAsync(en, (await File.ReadAllTextAsync(en)).Replace("dialogue", "open dialogue", StringComparison.Ordinal));

        var catalog = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Contains("open dialogue", catalog.Find("basics")!.For("en").Html, StringComparison.Ordinal);
        await watcher.StopAsync(CancellationToken.None);
    }
}
