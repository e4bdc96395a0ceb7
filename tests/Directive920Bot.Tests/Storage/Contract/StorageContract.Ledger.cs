using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>The delivery ledger store's part of the contract: rows, their queries, and the chunks of large expansions.</summary>
public abstract partial class StorageContract
{
    private static DeliveryRow Row(string occurrence, long person, DeliveryState state = DeliveryState.Pending, int dueMinutes = 0, string? campaign = "c1") => new()
    {
        Id = $"{occurrence}:{person}",
        OccurrenceId = occurrence,
        CampaignId = campaign,
        SubscriberId = person,
        Kind = DeliveryKind.Announcement,
        Html = "<b>Thông báo 920-TB/TU</b>",
        Language = "vi",
        RequireAck = true,
        UnitCode = "SNV",
        Role = CadreRole.Staff,
        State = state,
        DueAt = Monday.AddMinutes(dueMinutes),
        Priority = 1,
        CreatedAt = Monday,
        UpdatedAt = Monday,
    };

    [SkippableFact]
    public async Task Ledger_rows_inserted_in_bulk_are_read_back_by_campaign_state_person_and_due_time()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var ledger = store.GetRequiredService<IDeliveryLedgerStore>();
        // Small and large inserts (a provider may write large ones another way, e.g. COPY) must store the same rows.
        var large = Enumerable.Range(1, 500).Select(p => Row("c:c1:1", p, dueMinutes: p)).ToList();
        await storage.WriteAsync(tx =>
        {
            ledger.Insert(tx, large);
            ledger.Insert(tx, [Row("t:lesson-1", 7, campaign: null, dueMinutes: -5), Row("c:c2:1", 7, DeliveryState.Sent, campaign: "c2")]);
        });

        var read = ledger.Find("c:c1:1:42")!;
        Assert.Equal((42L, DeliveryKind.Announcement, "<b>Thông báo 920-TB/TU</b>", CadreRole.Staff, DeliveryState.Pending, true), (read.SubscriberId, read.Kind, read.Html, read.Role, read.State, read.RequireAck));
        Assert.Equal(Monday.AddMinutes(42), read.DueAt.ToUniversalTime());
        Assert.Null(read.MessageId);
        Assert.Equal(500, ledger.ForCampaign("c1").Count);
        Assert.Equal(500, ledger.ForCampaign("c1", DeliveryState.Pending).Count);
        Assert.Empty(ledger.ForCampaign("c1", DeliveryState.Sent));
        Assert.Equal(["c:c1:1:7", "c:c2:1:7", "t:lesson-1:7"], ledger.ForSubscriber(7).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(Monday.AddMinutes(-5), ledger.EarliestDue(DeliveryState.Pending)!.Value.ToUniversalTime());
        Assert.Null(ledger.EarliestDue(DeliveryState.Failed));
        var states = ledger.StatesOf("c1", withIds: true).ToList();
        Assert.Equal(500, states.Count);
        Assert.Contains(("c:c1:1:3", DeliveryState.Pending, Monday.AddMinutes(3)), states.Select(s => (s.Id, s.State, s.DueAt.ToUniversalTime())));
        Assert.All(ledger.StatesOf("c1", withIds: false), s => Assert.Null(s.Id));
    }

    [SkippableFact]
    public async Task A_ledger_insert_with_an_id_already_stored_fails_and_writes_none_of_its_rows()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var ledger = store.GetRequiredService<IDeliveryLedgerStore>();
        await storage.WriteAsync(tx => ledger.Insert(tx, [Row("c:c1:1", 250)]));

        await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteAsync(tx => ledger.Insert(tx, [.. Enumerable.Range(1, 300).Select(p => Row("c:c1:1", p))])));
        await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteAsync(tx => ledger.Insert(tx, [Row("c:c1:1", 1), Row("c:c1:1", 250)])));

        Assert.Single(ledger.ForCampaign("c1"));
    }

    [SkippableFact]
    public async Task A_send_outcome_updates_its_row_and_rows_sent_in_a_period_are_found_by_their_sent_time()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var ledger = store.GetRequiredService<IDeliveryLedgerStore>();
        await storage.WriteAsync(tx => ledger.Insert(tx, [Row("c:c1:1", 1), Row("c:c1:1", 2)]));

        var sent = ledger.Find("c:c1:1:1")!;
        sent.State = DeliveryState.Sent;
        sent.SentAt = Monday.AddHours(1);
        sent.MessageId = 9_001;
        sent.Attempts = 1;
        sent.Channel = "telegram";
        await storage.WriteAsync(tx => ledger.Update(tx, sent));
        var replaced = Row("c:c1:1", 2, DeliveryState.Skipped);
        replaced.LastError = "paused";
        await storage.WriteAsync(tx =>
        {
            ledger.Upsert(tx, replaced);
            ledger.Upsert(tx, Row("r1:c:c1:1:1", 1, campaign: null));
        });
        await storage.WriteAsync(tx => ledger.Delete(tx, "r1:c:c1:1:1"));

        Assert.Equal(["c:c1:1:1"], ledger.SentBetween(Monday, Monday.AddHours(2)).Select(r => r.Id));
        Assert.Empty(ledger.SentBetween(Monday.AddHours(1).AddSeconds(1), Monday.AddHours(2)));
        Assert.Equal((9_001, "telegram", 1), (ledger.Find("c:c1:1:1")!.MessageId, ledger.Find("c:c1:1:1")!.Channel, ledger.Find("c:c1:1:1")!.Attempts));
        Assert.Equal("paused", Assert.Single(ledger.InState(DeliveryState.Skipped)).LastError);
        Assert.Null(ledger.Find("r1:c:c1:1:1"));
    }

    [SkippableFact]
    public async Task Chunks_of_a_large_expansion_keep_their_template_and_members_and_the_first_is_the_lowest_id()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var ledger = store.GetRequiredService<IDeliveryLedgerStore>();
        DeliveryChunk Chunk(string id, string campaign) => new()
        {
            Id = id,
            CampaignId = campaign,
            CreatedAt = Monday,
            Template = Row("c:" + campaign + ":1", 0, campaign: campaign),
            Members = [new ChunkMember { S = 1, L = "vi", U = "SNV", R = CadreRole.Leader }, new ChunkMember { S = 2, L = "en", Skip = "paused" }],
        };
        await storage.WriteAsync(tx =>
        {
            ledger.InsertChunk(tx, Chunk("c1-0002", "c1"));
            ledger.InsertChunk(tx, Chunk("c1-0001", "c1"));
            ledger.InsertChunk(tx, Chunk("c2-0001", "c2"));
        });
        var cancelled = ledger.FirstChunk()!;
        cancelled.SkipReason = "cancelled";
        await storage.WriteAsync(tx =>
        {
            ledger.UpdateChunk(tx, cancelled);
            ledger.DeleteChunk(tx, "c2-0001");
        });

        var first = ledger.FirstChunk()!;
        Assert.Equal(("c1-0001", "cancelled", "c:c1:1"), (first.Id, first.SkipReason, first.Template.OccurrenceId));
        Assert.Equal(Monday, first.Template.DueAt.ToUniversalTime());
        Assert.Equal([(1L, "SNV", (CadreRole?)CadreRole.Leader, (string?)null), (2L, null, null, "paused")], first.Members.Select(m => (m.S, m.U, m.R, m.Skip)));
        Assert.Equal(["c1-0001", "c1-0002"], ledger.Chunks("c1").Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, ledger.Chunks().Count);
    }

    [SkippableFact]
    public async Task Chunks_inserted_together_read_back_as_inserted_one_by_one_and_a_stored_id_among_them_writes_none()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var ledger = store.GetRequiredService<IDeliveryLedgerStore>();
        DeliveryChunk Chunk(int number, string? skip = null) => new()
        {
            Id = $"c:c9:1#{number:D6}",
            CampaignId = "c9",
            CreatedAt = Monday,
            SkipReason = skip,
            Template = Row("c:c9:1", 0, campaign: "c9"),
            Members = [.. Enumerable.Range(number * 10, 10).Select(p => new ChunkMember { S = p, L = p % 2 == 0 ? "vi" : "en", U = "SNV", Skip = p % 7 == 0 ? "paused" : null })],
        };

        // Enough chunks for a store's bulk path (PostgreSQL: COPY from four on).
        await storage.WriteAsync(tx => ledger.InsertChunks(tx, [.. Enumerable.Range(1, 12).Select(n => Chunk(n, n == 3 ? "cancelled" : null))]));
        await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteAsync(tx => ledger.InsertChunks(tx, [.. Enumerable.Range(12, 6).Select(n => Chunk(n))])));

        var read = ledger.Chunks("c9");
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"c:c9:1#{n:D6}"), read.Select(c => c.Id).Order(StringComparer.Ordinal));
        var third = read.Single(c => c.Id == "c:c9:1#000003");
        Assert.Equal(("cancelled", "c:c9:1", Monday), (third.SkipReason, third.Template.OccurrenceId, third.CreatedAt.ToUniversalTime()));
        Assert.Equal(Chunk(3).Members.Select(m => (m.S, m.L, m.U, m.Skip)), third.Members.Select(m => (m.S, m.L, m.U, m.Skip)));
        Assert.Equal(120, read.Sum(c => c.Members.Count));
    }
}
