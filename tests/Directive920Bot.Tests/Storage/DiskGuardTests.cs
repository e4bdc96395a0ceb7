using Directive920Bot.Storage.LiteDb;

namespace Directive920Bot.Tests.Storage;

/// <summary>The writer's check of the mount under the database (the full-disk and read-only runs are in the reliability suite).</summary>
public sealed class DiskGuardTests
{
    private const string MountInfo = """
        22 1 252:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
        35 22 0:30 / /srv/data rw,nosuid shared:2 - ext4 /dev/vdb rw
        36 35 0:31 / /srv/data/ro\040copy ro,relatime shared:3 - tmpfs tmpfs ro,size=16384k
        37 22 0:32 / /srv/database ro shared:4 - tmpfs tmpfs ro
        """;

    [Theory]
    [InlineData("/srv/data/bot", false)]
    [InlineData("/srv/data/ro copy", true)]
    [InlineData("/srv/data/ro copy/deeper", true)]
    [InlineData("/srv/database", true)]
    [InlineData("/srv/data-other", false)]
    [InlineData("/srv/datab", false)]
    public void The_nearest_mount_decides_whether_the_database_folder_is_read_only(string folder, bool readOnly) =>
        Assert.Equal(readOnly, DiskGuard.IsReadOnly(folder, MountInfo));

    [Fact]
    public void A_disk_with_less_free_space_than_the_margin_refuses_the_write_with_the_key_to_change()
    {
        var folder = Directory.CreateTempSubdirectory("d920-guard").FullName;
        try
        {
            var free = new DriveInfo(folder).AvailableFreeSpace;
            var refusing = new DiskGuard(Path.Combine(folder, "bot.db"), free + (1L << 40), TimeProvider.System);
            var allowing = new DiskGuard(Path.Combine(folder, "bot.db"), 1, TimeProvider.System);

            var why = refusing.WhyNot();

            Assert.NotNull(why);
            Assert.Contains("Storage:MinimumFreeMegabytes", why, StringComparison.Ordinal);
            Assert.Contains("nothing was written", why, StringComparison.Ordinal);
            Assert.Null(allowing.WhyNot());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
