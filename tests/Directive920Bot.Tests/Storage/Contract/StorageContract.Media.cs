using Directive920Bot.Media;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>The media links' part of the contract: an image by its token's hash, byte for byte; expiry; transactions.</summary>
public abstract partial class StorageContract
{
    private static readonly DateTime Published = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    private static MediaLink Image(string id, DateTime expiresAt, params byte[] tail) => new()
    {
        Id = id,
        ContentType = "image/png",
        Content = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. tail],
        CreatedAt = Published,
        ExpiresAt = expiresAt,
    };

    [SkippableFact]
    public async Task A_media_link_is_found_by_its_hash_with_its_bytes_type_and_times_unchanged()
    {
        var store = Store();
        var links = store.GetRequiredService<IMediaLinks>();
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31)).ToArray();

        await store.GetRequiredService<IStorage>().WriteAsync(tx => links.Add(tx, Image("h1", Published.AddHours(4), bytes)));

        var found = links.Find("h1");
        Assert.NotNull(found);
        Assert.Equal("image/png", found.ContentType);
        Assert.Equal(Image("h1", Published, bytes).Content, found.Content);
        Assert.Equal(Published, found.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, found.ExpiresAt.Kind);
        Assert.Equal(Published.AddHours(4), found.ExpiresAt);
        Assert.Null(links.Find("h2"));
    }

    [SkippableFact]
    public async Task Media_links_expired_at_or_before_an_instant_are_counted_and_deleted_and_later_ones_stay()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var links = store.GetRequiredService<IMediaLinks>();
        await storage.WriteAsync(tx =>
        {
            links.Add(tx, Image("gone", Published.AddHours(1)));
            links.Add(tx, Image("edge", Published.AddHours(2)));
            links.Add(tx, Image("live", Published.AddHours(2).AddSeconds(1)));
        });
        var at = Published.AddHours(2);

        var counted = links.CountExpired(at);
        var deleted = await storage.WriteAsync(tx => links.DeleteExpired(tx, at));

        Assert.Equal((2, 2), (counted, deleted));
        Assert.Null(links.Find("gone"));
        Assert.Null(links.Find("edge"));
        Assert.NotNull(links.Find("live"));
        Assert.Equal(0, links.CountExpired(at));
    }

    [SkippableFact]
    public async Task A_media_link_added_in_a_transaction_that_fails_is_not_kept()
    {
        var store = Store();
        var links = store.GetRequiredService<IMediaLinks>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetRequiredService<IStorage>().WriteAsync(tx =>
        {
            links.Add(tx, Image("rolled-back", Published.AddHours(4)));
            throw new InvalidOperationException("boom");
        }));

        Assert.Null(links.Find("rolled-back"));
    }
}
