using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>The registration stores' part of the contract: subscribers, their counts per unit, tombstones and the unit tree.</summary>
public abstract partial class StorageContract
{
    private static readonly DateTime Monday = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);

    private static Subscriber Cadre(long id, string unit, SubscriberStatus status = SubscriberStatus.Active, bool registered = true) => new()
    {
        Id = id,
        Language = "vi",
        Status = status,
        FullName = $"Nguyễn Văn {id}",
        UnitCode = unit,
        Role = CadreRole.Staff,
        ConsentAt = Monday,
        ConsentVersion = "v1",
        RegisteredAt = registered ? Monday.AddMinutes(id) : null,
    };

    private static Unit UnitOf(string code, string? parent, string path) =>
        new() { Code = code, Name = "Đơn vị " + code, ParentCode = parent, Path = path, InviteCode = "inv" + code, SearchKey = "don vi " + code.ToLowerInvariant(), UpdatedAt = Monday };

    [SkippableFact]
    public async Task A_saved_subscriber_is_read_back_whole_with_the_draft_of_their_dialogue()
    {
        var store = Store();
        var subscribers = store.GetRequiredService<ISubscribers>();
        var an = Cadre(3_001, "SNV");
        an.Conversation = "reg.name";
        an.Draft = new RegistrationDraft { FullName = "Trần Thị Ánh", Role = CadreRole.Leader, EditingProfile = true };
        an.PreferredHour = 7;
        an.RosterEntryId = 12;
        an.Role = CadreRole.Leader;

        await store.GetRequiredService<IStorage>().WriteAsync(tx => subscribers.Save(tx, an));

        var read = subscribers.Find(3_001)!;
        Assert.Equal(("Nguyễn Văn 3001", "SNV", CadreRole.Leader, SubscriberStatus.Active, "reg.name", 7, 12), (read.FullName, read.UnitCode, read.Role, read.Status, read.Conversation, read.PreferredHour, read.RosterEntryId));
        Assert.Equal(("Trần Thị Ánh", CadreRole.Leader, true), (read.Draft!.FullName, read.Draft.Role, read.Draft.EditingProfile));
        Assert.Equal(Monday.AddMinutes(3_001), read.RegisteredAt!.Value.ToUniversalTime());
        Assert.Equal(Monday, read.ConsentAt.ToUniversalTime());
        Assert.Null(subscribers.Find(3_002));
    }

    [SkippableFact]
    public async Task Members_per_unit_follow_every_save_status_change_and_erasure_and_the_erased_leave_an_anonymous_tombstone()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var subscribers = store.GetRequiredService<ISubscribers>();
        await storage.WriteAsync(tx =>
        {
            subscribers.Save(tx, Cadre(1, "SNV"));
            subscribers.Save(tx, Cadre(2, "SNV"));
            subscribers.Save(tx, Cadre(3, "STC"));
            subscribers.Save(tx, Cadre(4, "STC", SubscriberStatus.Registering, registered: false));
        });

        Assert.True(await storage.WriteAsync(tx => subscribers.SetStatus(tx, 2, SubscriberStatus.Blocked)));
        Assert.False(await storage.WriteAsync(tx => subscribers.SetStatus(tx, 2, SubscriberStatus.Stopped, onlyFrom: SubscriberStatus.Active)));
        Assert.False(await storage.WriteAsync(tx => subscribers.SetStatus(tx, 4, SubscriberStatus.Blocked)));
        var moved = subscribers.Find(3)!;
        moved.UnitCode = "SNV";
        await storage.WriteAsync(tx => subscribers.Save(tx, moved));
        var erasure = Erasure(1);
        Assert.True(await storage.WriteAsync(tx => subscribers.Erase(tx, 1, erasure)));
        Assert.False(await storage.WriteAsync(tx => subscribers.Erase(tx, 1, Erasure(1))));

        var counts = subscribers.CountsByUnit();
        // Ids 2 and 3 are Telegram users' (no channel stored on these records: derived from the id).
        Assert.Equal(new MemberCount(2, 1, 1, 0, TelegramOnly: 2), counts["SNV"]);
        Assert.Equal(0, counts.TryGetValue("STC", out var stc) ? stc.Registered : 0);
        var tombstone = Assert.Single(subscribers.Erased());
        Assert.Equal((erasure.Tombstone, "SNV", CadreRole.Staff), (tombstone.Id, tombstone.UnitCode, tombstone.Role));
        Assert.Equal([2, 3], subscribers.Registered().Select(s => s.Id).Order());
        Assert.Equal(3, subscribers.Count());
        Assert.Equal([2L], subscribers.IdleSince(SubscriberStatus.Blocked, BusinessNow.AddDays(1)));
        // Before the erasure (at the contract's business clock) the erased cadre still counts for the unit they were in;
        // registrations from the instant on do not.
        var history = store.GetRequiredService<IRegistrationHistory>();
        Assert.Equal(2, history.RegisteredByUnit(Monday.AddMinutes(3), null)["SNV"]);
        Assert.Equal(1, history.RegisteredByUnit(Monday.AddMinutes(1.5), ["SNV"])["SNV"]);
        Assert.Equal(3, history.RegisteredByUnit(BusinessNow, null).Values.Sum());
    }

    [SkippableFact]
    public async Task Members_counted_for_some_units_are_those_units_counts_and_no_other_units()
    {
        var store = Store();
        var subscribers = store.GetRequiredService<ISubscribers>();
        var roster = store.GetRequiredService<Admin.IRoster>();
        await store.GetRequiredService<IStorage>().WriteAsync(tx =>
        {
            subscribers.Save(tx, Cadre(2, "SNV"));
            subscribers.Save(tx, Cadre(3, "SNV", SubscriberStatus.Blocked));
            subscribers.Save(tx, Cadre(4, "STC"));
            subscribers.Save(tx, Cadre(5, "SYT", SubscriberStatus.Stopped));
            roster.SaveAll(tx, [Member("SNV", "An", "p1"), Member("STC", "Bình", "p2"), Member("SYT", "Chi", "p3")]);
        });

        var all = subscribers.CountsByUnit();
        var some = subscribers.CountsByUnit(["SNV", "SYT", "KHONG-CO"]);
        Assert.Equal(["SNV", "SYT"], some.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((all["SNV"], all["SYT"]), (some["SNV"], some["SYT"]));
        Assert.Equal(new MemberCount(2, 1, 1, 0, TelegramOnly: 2), some["SNV"]);
        Assert.Equal(new Dictionary<string, int> { ["STC"] = 1 }, roster.CurrentByUnit(["STC"]));
        Assert.Equal(3, roster.CurrentByUnit().Count);
        Assert.Empty(subscribers.CountsByUnit([]));
    }

    [SkippableFact]
    public async Task Delivery_and_the_track_read_only_reachable_registered_subscribers_in_id_order()
    {
        var store = Store();
        var subscribers = store.GetRequiredService<ISubscribers>();
        var paused = Cadre(5, "SNV");
        paused.Paused = true;
        await store.GetRequiredService<IStorage>().WriteAsync(tx =>
        {
            subscribers.Save(tx, Cadre(9, "SNV"));
            subscribers.Save(tx, paused);
            subscribers.Save(tx, Cadre(7, "STC", SubscriberStatus.Stopped));
            subscribers.Save(tx, Cadre(6, "STC", SubscriberStatus.Registering, registered: false));
        });

        Assert.Equal([5, 7, 9], subscribers.RegisteredForDelivery().Select(s => s.Id).Order());
        Assert.Equal([7], subscribers.RegisteredForDelivery(["STC"]).Select(s => s.Id));
        Assert.Equal([9], subscribers.ForTrack().Select(s => s.Id));
        Assert.Equal([5, 9], subscribers.InUnits(["SNV"]).Select(s => s.Id).Order());
    }

    [SkippableFact]
    public async Task The_unit_tree_is_saved_by_code_and_a_sub_tree_is_the_units_under_a_path_in_path_order()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var units = store.GetRequiredService<IUnits>();
        await storage.WriteAsync(tx => units.SaveAll(tx,
        [
            UnitOf("KHOI", null, "/KHOI/"),
            UnitOf("S_NV", "KHOI", "/KHOI/S_NV/"),
            UnitOf("S_NV-VP", "S_NV", "/KHOI/S_NV/S_NV-VP/"),
            // "_" is a wildcard of SQL's LIKE: a sub-tree query that did not escape it would take SXNV in.
            UnitOf("SXNV", "KHOI", "/KHOI/SXNV/"),
        ]));
        var renamed = UnitOf("SXNV", "KHOI", "/KHOI/SXNV/");
        renamed.Name = "Sở mới";
        await storage.WriteAsync(tx => units.SaveAll(tx, [renamed]));

        // Ordinal path order: 'X' sorts before '_'.
        Assert.Equal(["KHOI", "SXNV", "S_NV", "S_NV-VP"], units.All().Select(u => u.Code));
        Assert.Equal(["S_NV", "S_NV-VP"], units.SubTree("S_NV").Select(u => u.Code));
        Assert.Empty(units.SubTree("NONE"));
        Assert.Equal("Sở mới", units.Find("SXNV")!.Name);
        Assert.Equal("S_NV-VP", units.FindByInvite("invS_NV-VP")!.Code);
        Assert.Equal(4, units.Count());
        Assert.Null(units.Find(null));
    }

    [SkippableFact]
    public async Task An_invite_code_belongs_to_one_unit_and_an_import_that_repeats_it_writes_nothing()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var units = store.GetRequiredService<IUnits>();
        await storage.WriteAsync(tx => units.SaveAll(tx, [UnitOf("KHOI", null, "/KHOI/")]));
        var clash = UnitOf("SNV", "KHOI", "/KHOI/SNV/");
        clash.InviteCode = "invKHOI";

        await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteAsync(tx => units.SaveAll(tx, [UnitOf("STC", "KHOI", "/KHOI/STC/"), clash])));

        Assert.Equal(["KHOI"], units.All().Select(u => u.Code));
    }
}
