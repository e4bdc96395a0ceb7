using Directive920Bot.Channels;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>The person directory's part of the contract: channel addresses map to persons, whatever the provider.</summary>
public abstract partial class StorageContract
{
    private static readonly ChannelAddress TelegramAn = ChannelAddress.ForTelegram(2_401);
    private static readonly ChannelAddress ZaloAn = new("zalo", "8f1c2a9b7e");
    private static readonly ChannelAddress ZaloBinh = new("zalo", "c0ffee42");

    [SkippableFact]
    public async Task Registering_an_address_twice_stores_it_once_under_the_same_person()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var directory = store.GetRequiredService<IPersonDirectory>();

        var first = await storage.WriteAsync(tx => directory.Register(tx, TelegramAn));
        var again = await storage.WriteAsync(tx => directory.Register(tx, TelegramAn));

        Assert.Equal(2_401, first);
        Assert.Equal(first, again);
        Assert.Equal(2_401, directory.Find(TelegramAn));
        Assert.Equal([TelegramAn], directory.AddressesOf(2_401));
    }

    [SkippableFact]
    public async Task A_person_on_another_channel_gets_an_allocated_id_that_no_telegram_user_can_have_and_that_is_never_handed_out_again()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var directory = store.GetRequiredService<IPersonDirectory>();

        var an = await storage.WriteAsync(tx => directory.Register(tx, ZaloAn));
        await storage.WriteAsync(tx => directory.Forget(tx, an));
        var binh = await storage.WriteAsync(tx => directory.Register(tx, ZaloBinh));

        Assert.Equal(PersonIds.FirstAllocated, an);
        Assert.Equal(PersonIds.FirstAllocated + 1, binh);
        Assert.False(PersonIds.IsTelegramDerived(an));
        Assert.Null(directory.Find(ZaloAn));
        Assert.Empty(directory.AddressesOf(an));
        Assert.Equal(binh, directory.Find(ZaloBinh));
    }

    [SkippableFact]
    public async Task Unlinking_the_preferred_address_makes_the_other_preferred_forgets_the_removed_one_and_never_removes_the_last()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var directory = store.GetRequiredService<IPersonDirectory>();
        var an = await storage.WriteAsync(tx => directory.Register(tx, ZaloAn));
        await storage.WriteAsync(tx => directory.Link(tx, an, TelegramAn));
        Assert.Equal([ZaloAn, TelegramAn], directory.AddressesOf(an));

        Assert.True(await storage.WriteAsync(tx => directory.Unlink(tx, an, ZaloAn)));

        Assert.Null(directory.Find(ZaloAn));
        Assert.Equal([TelegramAn], directory.AddressesOf(an));
        // Again: nothing to do, nothing changed (idempotent); an address of nobody or of another person is not touched.
        Assert.False(await storage.WriteAsync(tx => directory.Unlink(tx, an, ZaloAn)));
        var binh = await storage.WriteAsync(tx => directory.Register(tx, ZaloBinh));
        Assert.False(await storage.WriteAsync(tx => directory.Unlink(tx, an, ZaloBinh)));
        Assert.Equal(binh, directory.Find(ZaloBinh));

        await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteAsync(tx => directory.Unlink(tx, an, TelegramAn)));
        Assert.Equal(an, directory.Find(TelegramAn));

        // The removed address can be linked again, and is then the second (not preferred) one.
        await storage.WriteAsync(tx => directory.Link(tx, an, ZaloAn));
        Assert.Equal([TelegramAn, ZaloAn], directory.AddressesOf(an));
    }

    [SkippableFact]
    public async Task Linking_a_second_address_is_one_call_and_can_make_it_the_preferred_one()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var directory = store.GetRequiredService<IPersonDirectory>();
        var an = await storage.WriteAsync(tx => directory.Register(tx, TelegramAn));

        await storage.WriteAsync(tx => directory.Link(tx, an, ZaloAn));
        Assert.Equal([TelegramAn, ZaloAn], directory.AddressesOf(an));
        Assert.Equal(an, directory.Find(ZaloAn));

        await storage.WriteAsync(tx => directory.Link(tx, an, ZaloAn, preferred: true));
        Assert.Equal([ZaloAn, TelegramAn], directory.AddressesOf(an));
    }

    [SkippableFact]
    public async Task An_address_belongs_to_one_person_and_a_link_to_another_writes_nothing_of_its_transaction()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var directory = store.GetRequiredService<IPersonDirectory>();
        var an = await storage.WriteAsync(tx => directory.Register(tx, ZaloAn));
        var binh = await storage.WriteAsync(tx => directory.Register(tx, ZaloBinh));

        await Assert.ThrowsAsync<DuplicateKeyException>(() => storage.WriteAsync(tx =>
        {
            directory.Link(tx, binh, TelegramAn);
            directory.Link(tx, binh, ZaloAn);
        }));

        Assert.Equal(an, directory.Find(ZaloAn));
        Assert.Null(directory.Find(TelegramAn));
        Assert.Equal([ZaloBinh], directory.AddressesOf(binh));
    }

    [SkippableFact]
    public async Task The_directory_and_its_allocation_survive_a_crash_and_reopen()
    {
        var location = NewLocation();
        var store = Store(location);
        var storage = store.GetRequiredService<IStorage>();
        var directory = store.GetRequiredService<IPersonDirectory>();
        await storage.WriteAsync(tx => directory.Register(tx, TelegramAn));
        var an = await storage.WriteAsync(tx => directory.Register(tx, ZaloAn));
        await storage.WriteAsync(tx => directory.Link(tx, an, ChannelAddress.ForTelegram(2_402)));

        var reopened = Store(Crash(location));

        var after = reopened.GetRequiredService<IPersonDirectory>();
        Assert.Equal(2_401, after.Find(TelegramAn));
        Assert.Equal([ZaloAn, ChannelAddress.ForTelegram(2_402)], after.AddressesOf(an));
        var next = await reopened.GetRequiredService<IStorage>().WriteAsync(tx => after.Register(tx, ZaloBinh));
        Assert.Equal(an + 1, next);
    }
}
