using Directive920Bot.Admin;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>The audit log's page: both providers filter by time, actor and action and cut the same pages, newest first.</summary>
public abstract partial class StorageContract
{
    [SkippableFact]
    public async Task The_audit_log_is_filtered_and_paged_by_the_store_newest_first_with_its_total()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var audit = store.GetRequiredService<IAuditEntries>();
        var day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        await storage.WriteAsync(tx =>
        {
            audit.Append(tx, new AuditEntry { At = day.AddDays(-5), Actor = 1, Action = "old", Target = "o" });
            for (var i = 0; i < 7; i++)
            {
                audit.Append(tx, new AuditEntry { At = day.AddHours(i), Actor = i % 2 == 0 ? 1 : 2, Action = i < 5 ? "export" : "role.grant", Target = "t" + i });
            }

            audit.Append(tx, new AuditEntry { At = day.AddDays(1), Actor = 1, Action = "export", Target = "next day" });
        });
        var oneDay = new AuditQuery(day, day.AddDays(1), null, null);

        var first = audit.Page(oneDay, 1, 3);
        Assert.Equal(["t6", "t5", "t4"], first.Entries.Select(e => e.Target));
        Assert.Equal((7, 1, 3), (first.Total, first.Page, first.Pages));
        Assert.Equal(["t0"], audit.Page(oneDay, 3, 3).Entries.Select(e => e.Target));
        Assert.Equal(3, audit.Page(oneDay, 50, 3).Page);
        Assert.Equal(["t4", "t2", "t0"], audit.Page(oneDay with { Actor = 1, Action = "export" }, 1, 10).Entries.Select(e => e.Target));
        Assert.Equal(["t6", "t5"], audit.Page(oneDay with { Action = "role.grant" }, 1, 10).Entries.Select(e => e.Target));
        Assert.Equal(["t3", "t1"], audit.Page(oneDay with { Actor = 2, Action = "export" }, 1, 10).Entries.Select(e => e.Target));
        Assert.Equal(9, audit.Page(new AuditQuery(day.AddDays(-10), day.AddDays(2), null, null), 1, 100).Total);
        var none = audit.Page(oneDay with { Action = "no-such" }, 4, 10);
        Assert.Equal((0, 1, 1), (none.Total, none.Page, none.Pages));
        Assert.Empty(none.Entries);
    }
}
