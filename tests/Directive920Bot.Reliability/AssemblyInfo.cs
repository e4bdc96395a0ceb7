// The suite runs real processes, a 10,000-update fuzz and a pumped clock: one test at a time, so that no test's
// patience is spent waiting for another's CPU on a small machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
