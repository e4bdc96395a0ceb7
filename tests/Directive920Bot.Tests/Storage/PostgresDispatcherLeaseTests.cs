using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Storage.Postgres;
using Directive920Bot.Storage.Postgres.Delivery;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Directive920Bot.Tests.Storage;

/// <summary>
/// Several instances on one PostgreSQL database (issue 19): the dispatcher lease and claiming due rows from the ledger
/// table. Each "instance" is a service provider of its own on the same database, as two processes would open it.
/// </summary>
public sealed class PostgresDispatcherLeaseTests : IDisposable
{
    private static readonly DateTime Monday = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);
    private readonly List<ServiceProvider> opened = [];
    private readonly FakeTimeProvider business = new(new DateTimeOffset(Monday));

    private ServiceProvider Instance(string connectionString, string leaseTime = "00:00:03", string? botToken = "123456:secret-of-the-test-bot")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration["Storage:Provider"] = StorageOptions.Postgres;
        builder.Configuration["Storage:ConnectionString"] = connectionString;
        builder.Configuration["Delivery:LeaseTime"] = leaseTime;
        builder.Configuration["Telegram:BotToken"] = botToken;
        builder.Services.AddKeyedSingleton<TimeProvider>(Directive920Bot.Hosting.Clocks.Business, business);
        builder.AddPostgresStorage();
        builder.AddDeliveryCore();
        var services = (ServiceProvider)builder.Build().Services;
        opened.Add(services);
        return services;
    }

    private static string NewDatabase() => PostgresCluster.CreateDatabase("lease_" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        foreach (var services in opened)
        {
            services.Dispose();
        }
    }

    private static DeliveryRow Row(long person, int priority = 1, int dueMinutes = 0) => new()
    {
        Id = $"c:c1:1:{person}",
        OccurrenceId = "c:c1:1",
        CampaignId = "c1",
        SubscriberId = person,
        Kind = DeliveryKind.Announcement,
        Html = "<b>Thông báo 920-TB/TU</b>",
        Language = "vi",
        UnitCode = "SNV",
        Role = CadreRole.Staff,
        DueAt = Monday.AddMinutes(dueMinutes),
        Priority = priority,
    };

    [SkippableFact]
    public async Task Rows_enqueued_on_one_instance_are_claimed_from_the_table_by_another()
    {
        var database = NewDatabase();
        var a = Instance(database).GetRequiredService<DeliveryLedger>();
        var b = Instance(database).GetRequiredService<DeliveryLedger>();

        a.Enqueue([Row(1), Row(2, priority: 5, dueMinutes: 1), Row(3, dueMinutes: -3), Row(4, dueMinutes: 30)]);
        business.Advance(TimeSpan.FromMinutes(1));
        var claimed = await b.ClaimDueAsync(business.GetUtcNow().UtcDateTime, 10);

        // Highest priority first, then the earliest due; the row due in 30 minutes stays pending.
        Assert.True(b.ClaimsFromStore);
        Assert.Equal(["c:c1:1:2", "c:c1:1:3", "c:c1:1:1"], claimed.Select(r => r.Id));
        Assert.All(claimed, r => Assert.Equal((DeliveryState.Sending, 1), (r.State, r.Attempts)));
        Assert.Equal(DeliveryState.Sending, a.Find("c:c1:1:3")!.State);
        Assert.Equal(DeliveryState.Pending, a.Find("c:c1:1:4")!.State);
        Assert.Empty(await a.ClaimDueAsync(business.GetUtcNow().UtcDateTime, 10));
        Assert.Equal(Monday.AddMinutes(30), b.NextFuture(business.GetUtcNow().UtcDateTime)!.Value.ToUniversalTime());
        Assert.Equal(0, b.CountDueBy(business.GetUtcNow().UtcDateTime));
        Assert.Equal(1, b.CountDueBy(Monday.AddHours(1)));
    }

    [SkippableFact]
    public async Task Two_instances_claiming_at_once_never_get_the_same_row_and_leave_none_behind()
    {
        var database = NewDatabase();
        var a = Instance(database).GetRequiredService<DeliveryLedger>();
        var b = Instance(database).GetRequiredService<DeliveryLedger>();
        a.Enqueue(Enumerable.Range(1, 600).Select(p => Row(p, priority: p % 3)));
        var now = business.GetUtcNow().UtcDateTime;

        async Task<List<string>> Drain(DeliveryLedger ledger)
        {
            var mine = new List<string>();
            for (List<DeliveryRow> rows; (rows = await ledger.ClaimDueAsync(now, 7)).Count > 0;)
            {
                // A claim takes at most what was asked: the dispatcher holds a slot per claimed row.
                Assert.InRange(rows.Count, 1, 7);
                mine.AddRange(rows.Select(r => r.Id));
            }

            return mine;
        }

        var both = await Task.WhenAll(Task.Run(() => Drain(a)), Task.Run(() => Drain(b)), Task.Run(() => Drain(a)), Task.Run(() => Drain(b)));

        var all = both.SelectMany(ids => ids).ToList();
        Assert.Equal(600, all.Count);
        Assert.Equal(600, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(a.InState(DeliveryState.Pending));
    }

    [SkippableFact]
    public async Task Only_one_instance_holds_the_lease_and_the_next_takes_it_as_soon_as_it_is_released()
    {
        var database = NewDatabase();
        var a = Instance(database).GetRequiredService<IDispatcherLease>();
        var b = Instance(database).GetRequiredService<IDispatcherLease>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var held = await a.AcquireAsync(timeout.Token);
        var waiting = b.AcquireAsync(timeout.Token);
        // Longer than the lease time: the holder renews, so the other keeps waiting.
        await Task.Delay(TimeSpan.FromSeconds(4), TimeProvider.System);
        Assert.False(waiting.IsCompleted);
        Assert.False(held.Lost.IsCancellationRequested);

        await held.DisposeAsync();
        await using var next = await waiting;
        Assert.False(next.Lost.IsCancellationRequested);
    }

    [SkippableFact]
    public async Task A_holder_that_died_without_releasing_is_replaced_once_its_lease_expires()
    {
        var database = NewDatabase();
        var dead = Instance(database).GetRequiredService<PgDispatcherLease>();
        var b = Instance(database).GetRequiredService<PgDispatcherLease>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // The dead instance took the lease once and never renewed it (killed, or hung): it lasts its lease time.
        Assert.True(await dead.TryTakeAsync(TimeSpan.FromSeconds(2)));
        Assert.False(await b.TryTakeAsync(TimeSpan.FromSeconds(2)));

        await using var taken = await b.AcquireAsync(timeout.Token);
        Assert.Equal(b.Holder, await HolderOf(database, b.Name));
        Assert.False(await dead.TryTakeAsync(TimeSpan.FromSeconds(2)));
    }

    [SkippableFact]
    public async Task A_holder_that_finds_its_lease_taken_over_reports_it_lost()
    {
        var database = NewDatabase();
        var a = Instance(database, leaseTime: "00:00:01.5").GetRequiredService<PgDispatcherLease>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var held = await a.AcquireAsync(timeout.Token);

        // What a holder finds after it hung past its lease: another instance has the row now.
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var steal = new NpgsqlCommand("UPDATE dispatcher_leases SET holder = 'other-instance', expires_at = clock_timestamp() + interval '1 minute'", connection);
            Assert.Equal(1, await steal.ExecuteNonQueryAsync());
        }

        var lost = new TaskCompletionSource();
        using var registration = held.Lost.Register(lost.SetResult);
        await lost.Task.WaitAsync(timeout.Token);
        Assert.Equal("other-instance", await HolderOf(database, a.Name));
    }

    [SkippableFact]
    public async Task Each_bot_token_has_a_lease_of_its_own_named_without_the_token()
    {
        var database = NewDatabase();
        var first = Instance(database, botToken: "111:first-secret").GetRequiredService<PgDispatcherLease>();
        var second = Instance(database, botToken: "222:second-secret").GetRequiredService<PgDispatcherLease>();

        Assert.True(await first.TryTakeAsync(TimeSpan.FromSeconds(30)));
        Assert.True(await second.TryTakeAsync(TimeSpan.FromSeconds(30)));
        Assert.NotEqual(first.Name, second.Name);
        Assert.DoesNotContain("secret", first.Name, StringComparison.Ordinal);
        Assert.StartsWith("dispatcher:", first.Name, StringComparison.Ordinal);
    }

    private static async Task<string?> HolderOf(string database, string name)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT holder FROM dispatcher_leases WHERE name = $1", connection) { Parameters = { new() { Value = name } } };
        return (string?)await read.ExecuteScalarAsync();
    }
}
