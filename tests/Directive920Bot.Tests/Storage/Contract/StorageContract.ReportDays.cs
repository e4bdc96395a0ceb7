using Directive920Bot.Reports;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>The per-unit, per-day report counters that the console's weekly trend reads.</summary>
public abstract partial class StorageContract
{
    private static UnitDayCounter Day(string unit, string day, int delivered, int onTime = 0, int late = 0) =>
        new() { Id = UnitDayCounter.IdFor(unit, day), UnitCode = unit, Day = day, Delivered = delivered, OnTime = onTime, Late = late };

    [SkippableFact]
    public async Task Day_counters_are_replaced_whole_and_found_by_id_and_by_a_range_of_days_inclusive()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var counters = store.GetRequiredService<IReportCounterStore>();

        await storage.WriteAsync(tx => counters.SaveDays(tx,
            [Day("SNV", "2026-11-29", 1), Day("SNV", "2026-11-30", 3, 1), Day("STC", "2026-12-06", 5, 2, 1), Day("STC", "2026-12-07", 9)]));
        await storage.WriteAsync(tx => counters.SaveDays(tx, [Day("SNV", "2026-11-30", 4, 2, 1)]));

        var found = counters.FindDay("SNV|2026-11-30")!;
        Assert.Equal(("SNV", "2026-11-30", 4, 2, 1, 3), (found.UnitCode, found.Day, found.Delivered, found.OnTime, found.Late, found.Acknowledged));
        Assert.Null(counters.FindDay("SNV|2026-12-01"));
        Assert.Equal(["SNV|2026-11-30", "STC|2026-12-06"],
            counters.DaysBetween("2026-11-30", "2026-12-06").Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Empty(counters.DaysBetween("2026-12-08", "2026-12-31"));
    }

    [SkippableFact]
    public async Task Day_counters_written_in_a_transaction_that_rolls_back_are_not_kept()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var counters = store.GetRequiredService<IReportCounterStore>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteAsync(tx =>
        {
            counters.SaveDays(tx, [Day("SNV", "2026-11-30", 1)]);
            throw new InvalidOperationException("the send's outcome failed");
        }));

        Assert.Null(counters.FindDay("SNV|2026-11-30"));
        Assert.Empty(counters.DaysBetween("2026-01-01", "2026-12-31"));
    }

    [SkippableFact]
    public async Task Concurrent_transactions_adding_to_the_same_report_counters_all_count()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var counters = store.GetRequiredService<IReportCounterStore>();
        const int Sends = 60;

        // What the outcome of each send to one unit does: mark its event, then add one to the unit's item counter and
        // its day counter, read and written in the send's own transaction. Run at once, a provider that let two of them
        // read the same figure (and both write it plus one) would end short of Sends.
        await Task.WhenAll(Enumerable.Range(0, Sends).Select(i => Task.Run(() => storage.WriteAsync(tx =>
        {
            Assert.True(counters.MarkCounted(tx, $"d:send-{i}"));
            var item = counters.FindItem("SNV|L1") ?? new ItemCounter { Id = "SNV|L1", UnitCode = "SNV", ItemId = "L1" };
            item.Delivered++;
            item.Delays[i % item.Delays.Length]++;
            counters.SaveItems(tx, [item]);
            var day = counters.FindDay("SNV|2026-12-01") ?? Day("SNV", "2026-12-01", 0);
            day.Delivered++;
            counters.SaveDays(tx, [day]);
        }))));

        var counted = counters.FindItem("SNV|L1")!;
        Assert.Equal(Sends, counted.Delivered);
        Assert.Equal(Sends, counted.Delays.Sum());
        Assert.Equal(Sends, counters.FindDay("SNV|2026-12-01")!.Delivered);
        Assert.Equal([Sends], counters.ItemsFor("L1").Select(c => c.Delivered));
        await storage.WriteAsync(tx => Assert.False(counters.MarkCounted(tx, "d:send-0")));
    }
}
