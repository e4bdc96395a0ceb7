namespace Directive920Bot.Benchmarks;

/// <summary>
/// Issue 13 bounds the resident set through the report and expansion benchmarks (≤ 400 MB); BenchmarkDotNet reports only
/// allocations. In-process jobs: the peak covers the seeding and every iteration run so far in this process.
/// </summary>
internal static class ResidentSet
{
    public static void Print(string benchmark)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        Console.WriteLine(System.FormattableString.Invariant(
            $"// {benchmark}: peak working set {process.PeakWorkingSet64 / 1_000_000} MB, working set now {process.WorkingSet64 / 1_000_000} MB, GC committed {gc.TotalCommittedBytes / 1_000_000} MB, server GC {System.Runtime.GCSettings.IsServerGC}"));
    }
}
