using Directive920Bot.Reliability.Infrastructure;
using Xunit.Abstractions;

namespace Directive920Bot.Reliability;

/// <summary>
/// The database on a disk that fills up, that turns read-only, and held by another process: each gives a clear error,
/// writes nothing partial, and the store works again once the fault is gone.
/// </summary>
public sealed class StorageFaultTests(ITestOutputHelper log)
{
    private const int Seeded = 20;
    private const int Batch = 3000;

    /// <summary>
    /// Regression: a write the full or read-only disk refused half-way left LiteDB 5.0.21's transaction to a finalizer
    /// that threw "discarded page must be writable" and ended the process (the test host; in production the service).
    /// The writer now refuses such a write before LiteDB starts it (Storage:MinimumFreeMegabytes, the mount's
    /// read-only flag).
    /// </summary>
    [Fact]
    public async Task On_a_full_disk_a_write_fails_with_a_clear_error_leaves_nothing_half_written_and_works_once_space_is_freed()
    {
        using var disk = TmpfsMount.Create(megabytes: 16);
        await using var sut = await ServiceUnderTest.CreateAsync();
        sut.Environment["Storage__DatabasePath"] = Path.Combine(disk.Path, "bot.db");
        sut.Environment["Storage__MinimumFreeMegabytes"] = "4"; // the default margin (64 MB) is more than this small disk
        await sut.SeedCadresAsync(Seeded);
        var filler = disk.Fill();

        var error = await WriteBatchAsync(sut);
        Assert.NotNull(error);
        log.WriteLine("full disk: " + Describe(error));
        Assert.Contains("space", Describe(error), StringComparison.OrdinalIgnoreCase);

        File.Delete(filler);
        await AssertRecoveredAsync(sut);
    }

    [Fact]
    public async Task On_a_read_only_disk_a_write_fails_with_a_clear_error_leaves_nothing_half_written_and_works_once_writable()
    {
        using var disk = TmpfsMount.Create(megabytes: 32);
        await using var sut = await ServiceUnderTest.CreateAsync();
        sut.Environment["Storage__DatabasePath"] = Path.Combine(disk.Path, "bot.db");
        sut.Environment["Storage__MinimumFreeMegabytes"] = "4"; // the default margin (64 MB) is more than this small disk
        await sut.SeedCadresAsync(Seeded);
        disk.ReadOnly();

        var error = await WriteBatchAsync(sut);
        Assert.NotNull(error);
        log.WriteLine("read-only disk: " + Describe(error));
        Assert.Contains("read-only", Describe(error), StringComparison.OrdinalIgnoreCase);

        disk.ReadWrite();
        await AssertRecoveredAsync(sut);
    }

    [Fact]
    public async Task A_database_held_by_a_running_service_is_refused_clearly_by_a_second_service_and_the_CLI_and_free_again_after_it_stops()
    {
        await using var sut = await ServiceUnderTest.CreateAsync();
        await sut.SeedCadresAsync(Seeded);
        await using var first = sut.StartService();
        await sut.WaitUntilAsync(() => first.Output.Any(l => l.Contains("Application started", StringComparison.Ordinal)) || first.HasExited, TimeSpan.FromMinutes(2));
        Assert.False(first.HasExited, first.Describe());

        // A second service on the same file: it must stop, saying why, and not run beside the first.
        await using (var second = sut.StartService())
        {
            Assert.True(await second.WaitForExitAsync(TimeSpan.FromMinutes(2)), "a second service kept running on a database in use\n" + second.Describe());
            log.WriteLine("second service: " + second.Describe());
            // Regression: it crashed (exit 134, an unhandled IOException about the lock file and a stack trace).
            Assert.Equal(3, second.ExitCode);
            Assert.Contains(second.Output, l => l.Contains("bot.db is locked by the running service.", StringComparison.Ordinal));
        }

        var (code, output) = await ServiceProcess.RunVerbAsync(sut.Environment, TimeSpan.FromMinutes(2), "units", "list");
        log.WriteLine($"CLI while held: exit {code}: {output}");
        Assert.Equal(3, code);
        Assert.Contains("in use by the running service", output, StringComparison.Ordinal);
        Assert.False(first.HasExited, "the second service or the CLI disturbed the first\n" + first.Describe());

        first.Terminate();
        Assert.True(await first.WaitForExitAsync(TimeSpan.FromMinutes(1)), first.Describe());
        (code, output) = await ServiceProcess.RunVerbAsync(sut.Environment, TimeSpan.FromMinutes(2), "units", "list");
        Assert.True(code == 0, output);
        await using (var store = sut.Inspect())
        {
            Assert.Equal(Seeded, store.Registered());
        }
    }

    /// <summary>Registers 3,000 more cadres in one transaction; returns what it threw.</summary>
    private static async Task<Exception?> WriteBatchAsync(ServiceUnderTest sut)
    {
        Exception? error = null;
        try
        {
            await using var store = sut.Inspect();
            store.SeedCadres(Enumerable.Range(0, Batch).Select(i => 500_000L + i), batch: Batch);
        }
#pragma warning disable CA1031 // The fault under test may surface as any exception; the test asserts on it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error ??= ex;
        }

        return error;
    }

    /// <summary>Nothing of the failed transaction is stored, and the same write succeeds now.</summary>
    private static async Task AssertRecoveredAsync(ServiceUnderTest sut)
    {
        await using (var store = sut.Inspect())
        {
            Assert.Equal(Seeded, store.Registered());
        }

        Assert.Null(await WriteBatchAsync(sut));
        await using (var store = sut.Inspect())
        {
            Assert.Equal(Seeded + Batch, store.Registered());
        }
    }

    private static string Describe(Exception? error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.GetType().Name + ": " + e.Message);
        }

        return string.Join(" ← ", messages);
    }
}
