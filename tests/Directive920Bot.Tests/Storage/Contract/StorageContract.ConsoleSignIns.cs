using Directive920Bot.Storage;
using Directive920Bot.WebConsole;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>The web console's part of the contract: sign-in links by hash, session stamps per person, expiry, erasure.</summary>
public abstract partial class StorageContract
{
    private static readonly DateTime Issued = new(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);

    [SkippableFact]
    public async Task A_sign_in_link_is_found_by_its_hash_and_saving_it_used_keeps_it_used()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var signIns = store.GetRequiredService<IConsoleSignIns>();
        var link = new ConsoleSignIn { Id = "ab12", PersonId = 7, IssuedAt = Issued, ExpiresAt = Issued.AddMinutes(10) };

        await storage.WriteAsync(tx => signIns.Add(tx, link));
        link.UsedAt = Issued.AddMinutes(1);
        await storage.WriteAsync(tx => signIns.Save(tx, link));

        var found = signIns.Find("ab12");
        Assert.NotNull(found);
        Assert.Equal(7, found.PersonId);
        Assert.Equal(Issued.AddMinutes(1), found.UsedAt);
        Assert.Null(signIns.Find("cd34"));
    }

    [SkippableFact]
    public async Task Expired_links_are_deleted_and_a_persons_links_and_stamp_go_with_an_erasure()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var signIns = store.GetRequiredService<IConsoleSignIns>();
        await storage.WriteAsync(tx =>
        {
            signIns.Add(tx, new ConsoleSignIn { Id = "old", PersonId = 7, IssuedAt = Issued, ExpiresAt = Issued.AddMinutes(10) });
            signIns.Add(tx, new ConsoleSignIn { Id = "new", PersonId = 7, IssuedAt = Issued.AddHours(1), ExpiresAt = Issued.AddHours(1).AddMinutes(10) });
            signIns.Add(tx, new ConsoleSignIn { Id = "other", PersonId = 8, IssuedAt = Issued.AddHours(1), ExpiresAt = Issued.AddHours(1).AddMinutes(10) });
            signIns.SetStamp(tx, 7, "s1", Issued);
            signIns.SetStamp(tx, 8, "s2", Issued);
        });

        var expired = await storage.WriteAsync(tx => signIns.DeleteExpired(tx, Issued.AddMinutes(30)));
        await storage.WriteAsync(tx => signIns.SetStamp(tx, 7, "s3", Issued.AddHours(2)));
        Assert.Equal("s3", signIns.StampOf(7));
        var forgotten = await storage.WriteAsync(tx => signIns.Forget(tx, 7));

        Assert.Equal(1, expired);
        Assert.Equal(2, forgotten);
        Assert.Null(signIns.Find("new"));
        Assert.Null(signIns.StampOf(7));
        Assert.Equal("s2", signIns.StampOf(8));
        Assert.NotNull(signIns.Find("other"));
    }

    [SkippableFact]
    public async Task A_sign_in_link_added_in_a_transaction_that_fails_is_not_kept()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var signIns = store.GetRequiredService<IConsoleSignIns>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteAsync(tx =>
        {
            signIns.Add(tx, new ConsoleSignIn { Id = "rolled-back", PersonId = 7, IssuedAt = Issued, ExpiresAt = Issued.AddMinutes(10) });
            throw new InvalidOperationException("boom");
        }));

        Assert.Null(signIns.Find("rolled-back"));
    }
}
