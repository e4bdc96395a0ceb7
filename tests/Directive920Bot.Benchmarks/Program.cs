using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "load")
{
    return await Directive920Bot.Benchmarks.LoadRun.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Directive920Bot.Benchmarks.ExpandOccurrenceBenchmark).Assembly).Run(args);
return 0;
