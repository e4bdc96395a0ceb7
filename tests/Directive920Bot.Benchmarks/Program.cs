using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Directive920Bot.Benchmarks.ExpandOccurrenceBenchmark).Assembly).Run(args);
