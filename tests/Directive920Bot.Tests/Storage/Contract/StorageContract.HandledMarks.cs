using Directive920Bot.Storage;
using Directive920Bot.WebConsole;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>The console's handled marks: the first mark of an id wins, a second is refused, look-ups return only marked ids.</summary>
public abstract partial class StorageContract
{
    [SkippableFact]
    public async Task A_handled_mark_is_kept_once_and_found_among_the_ids_asked_for()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var marks = store.GetRequiredService<IHandledMarks>();
        var at = new DateTime(2026, 12, 2, 3, 4, 5, DateTimeKind.Utc);

        var first = await storage.WriteAsync(tx => marks.TryAdd(tx, new HandledMark { Id = "feedback:ab", At = at }));
        var again = await storage.WriteAsync(tx => marks.TryAdd(tx, new HandledMark { Id = "feedback:ab", At = at.AddDays(1) }));
        await storage.WriteAsync(tx => marks.TryAdd(tx, new HandledMark { Id = "question:cd", At = at }));

        Assert.True(first);
        Assert.False(again);
        var found = marks.Find(["feedback:ab", "feedback:zz"]);
        Assert.Equal(at, Assert.Single(found, m => m.Key == "feedback:ab").Value);
        Assert.False(found.ContainsKey("feedback:zz"));
        Assert.Empty(marks.Find([]));
        Assert.Equal(2, marks.Find(["feedback:ab", "question:cd"]).Count);
    }
}
