using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>The admin stores' part of the contract: roles, rosters and their current members per unit, the audit log.</summary>
public abstract partial class StorageContract
{
    private static RosterEntry Member(string unit, string name, string invite) => new()
    {
        Key = $"{unit}|{name}|",
        FullName = name,
        NameKey = name.ToLowerInvariant(),
        UnitCode = unit,
        Role = CadreRole.Staff,
        InviteCode = invite,
        UpdatedAt = Monday,
    };

    [SkippableFact]
    public async Task A_grant_is_seen_at_once_and_a_revocation_removes_only_the_grant_it_names()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var roles = store.GetRequiredService<IRoles>();
        var unitAdmin = new RoleAssignment { UserId = 41, Role = AdminRole.UnitAdmin, UnitCode = "SNV", GrantedBy = 1, GrantedAt = Monday };
        await storage.WriteAsync(tx =>
        {
            roles.Add(tx, unitAdmin);
            roles.Add(tx, new RoleAssignment { UserId = 41, Role = AdminRole.UnitAdmin, UnitCode = "STC", GrantedBy = 1, GrantedAt = Monday });
            roles.Add(tx, new RoleAssignment { UserId = 42, Role = AdminRole.BlocAdmin, GrantedBy = 1, GrantedAt = Monday });
        });

        Assert.NotEqual(0, unitAdmin.Id);
        Assert.Equal(["SNV", "STC"], roles.For(41).Select(r => r.UnitCode));
        Assert.Equal(1, await storage.WriteAsync(tx => roles.Remove(tx, 41, AdminRole.UnitAdmin, "SNV")));
        Assert.Equal(0, await storage.WriteAsync(tx => roles.Remove(tx, 42, AdminRole.BlocAdmin, "SNV")));
        Assert.Equal(["STC"], roles.For(41).Select(r => r.UnitCode));
        Assert.Equal(1, await storage.WriteAsync(tx => roles.Remove(tx, 42, AdminRole.BlocAdmin, null)));
        Assert.Equal(1, await storage.WriteAsync(tx => roles.RemoveAll(tx, 41)));
        Assert.Empty(roles.All());
    }

    [SkippableFact]
    public async Task A_roster_entry_gets_its_id_and_the_current_members_per_unit_follow_saves()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var roster = store.GetRequiredService<IRoster>();
        var an = Member("SNV", "An", "p1");
        var binh = Member("SNV", "Bình", "p2");
        await storage.WriteAsync(tx => roster.SaveAll(tx, [an, binh, Member("STC", "Chi", "p3")]));
        Assert.NotEqual(0, an.Id);
        Assert.NotEqual(an.Id, binh.Id);

        binh.Current = false;
        an.SubscriberId = 3_001;
        await storage.WriteAsync(tx =>
        {
            roster.Save(tx, binh);
            roster.Save(tx, an);
        });

        Assert.Equal(1, roster.CurrentByUnit()["SNV"]);
        Assert.Equal(1, roster.CurrentByUnit()["STC"]);
        Assert.Equal(["An"], roster.InUnits(["SNV"]).Select(e => e.FullName));
        Assert.Equal("An", roster.ForSubscriber(3_001)!.FullName);
        Assert.Equal("Bình", roster.FindByInvite("p2")!.FullName);
        Assert.False(roster.Find(binh.Id)!.Current);
        Assert.Equal(3, roster.All().Count);
        await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteAsync(tx => roster.Save(tx, Member("STC", "Dung", "p1"))));
        Assert.Equal(3, roster.All().Count);
    }

    [SkippableFact]
    public async Task The_audit_log_lists_newest_first_finds_a_person_by_their_whole_id_and_redacts_them()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var audit = store.GetRequiredService<IAuditEntries>();
        AuditEntry Entry(int minutes, long actor, string action, string target, string details = "") =>
            new() { At = Monday.AddMinutes(minutes), Actor = actor, Action = action, Target = target, Details = details };
        await storage.WriteAsync(tx =>
        {
            audit.Append(tx, Entry(0, 1, "role.grant", "user 123", "unit SNV"));
            audit.Append(tx, Entry(1, 123, "export", "SNV"));
            audit.Append(tx, Entry(2, 1, "role.grant", "user 41234", "not 123's id inside 41234"));
            audit.Append(tx, Entry(3, 1, "nudge", "SNV"));
        });

        Assert.Equal(["nudge", "role.grant", "export"], audit.Recent(3, null).Select(e => e.Action));
        Assert.Equal(["user 41234", "user 123"], audit.Recent(10, "role.grant").Select(e => e.Target));
        // Oldest first; "123's" names the person, 41234 does not.
        Assert.Equal(["user 123", "SNV", "user 41234"], audit.About(123).Select(e => e.Target));

        Assert.Equal(3, await storage.WriteAsync(tx => audit.Redact(tx, 123)));

        Assert.Empty(audit.About(123));
        var redacted = audit.Recent(10, null).OrderBy(e => e.Id).ToList();
        Assert.Equal("user (erased)", redacted[0].Target);
        Assert.Equal(AuditEntry.ErasedActor, redacted[1].Actor);
        Assert.Equal(("user 41234", "not (erased)'s id inside 41234"), (redacted[2].Target, redacted[2].Details));
        Assert.Equal(2, audit.CountBefore(Monday.AddMinutes(2)));
        Assert.Equal(2, await storage.WriteAsync(tx => audit.DeleteBefore(tx, Monday.AddMinutes(2))));
        Assert.Equal(2, audit.Count());
    }
}
