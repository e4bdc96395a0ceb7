using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Hosting;
using Directive920Bot.Admin;
using Directive920Bot.EndToEnd.Infrastructure;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Sandbox;

namespace Directive920Bot.EndToEnd.RunCommand;

public sealed class SandboxDatabaseReuseTests
{
    [Fact]
    public async Task A_second_run_reuses_the_sandbox_database_and_clock_and_Reset_starts_over()
    {
        var directory = Path.Combine(Path.GetTempPath(), "d920-e2e", Guid.NewGuid().ToString("N"));
        // Stopped, not disposed: disposing would delete the directory the next run must find.
        var first = await SandboxApp.StartAsync(directory: directory);
        try
        {
            Assert.Equal(first.SandboxDatabasePath, first.Get<Database>().Path);
            Assert.Single(first.Announced, l => l == $"Sandbox: open {first.SandboxUrl}");
            first.Get<SandboxDemo>().Create("Lê Thị Thử");
            first.Get<IStorage>().Write(tx => first.Get<ISubscribers>().Save(tx, new Subscriber { Id = 2001, FullName = "Lê Thị Thử", UnitCode = "SNV-VP", Status = SubscriberStatus.Active, RegisteredAt = new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc) }));
            await first.Get<SandboxClockControl>().AdvanceAsync(TimeSpan.FromDays(3), CancellationToken.None);
        }
        finally
        {
            await first.StopHostAsync();
        }

        var second = await SandboxApp.StartAsync(directory: directory);
        try
        {
            Assert.NotNull(second.Get<ISubscribers>().Find(2001));
            Assert.Contains(second.Get<SandboxDemo>().People, p => p.Id == 2001 && p.FullName == "Lê Thị Thử");
            Assert.False(second.Get<SandboxClock>().IsFresh);
            Assert.True(second.Get<SandboxClock>().GetUtcNow() >= DateTimeOffset.Parse(SandboxApp.DefaultStart, System.Globalization.CultureInfo.InvariantCulture).AddDays(3));
        }
        finally
        {
            await second.StopHostAsync();
        }

        await using var reset = await SandboxApp.StartAsync(new Dictionary<string, string?> { ["Sandbox:Reset"] = "true" }, directory);
        Assert.Null(reset.Get<ISubscribers>().Find(2001));
        Assert.True(reset.Get<SandboxClock>().IsFresh);
        Assert.True(reset.Get<SandboxClock>().GetUtcNow() < DateTimeOffset.Parse(SandboxApp.DefaultStart, System.Globalization.CultureInfo.InvariantCulture).AddDays(1));
        // The demo admins are seeded again on the fresh database.
        Assert.True(reset.Get<IAccessPolicy>().For(SandboxDemo.UnitAdminId).IsAdmin);
        Assert.True(reset.Get<IAccessPolicy>().For(SandboxDemo.BlocAdminId).IsBlocAdmin);
    }
}
