using Directive920Bot.Hosting;

if (Cli.IsCliInvocation(args))
{
    return await Cli.RunAsync(args, AppComposition.CliContext(Console.Out));
}

var builder = WebApplication.CreateBuilder(args);
builder.AddDirective920Bot();
var app = builder.Build();
app.MapDirective920Bot();
try
{
    await app.StartAsync();
}
catch (DatabaseInUseException inUse)
{
    // Another service holds the database: one clear line and the CLI's exit code, not a crash dump.
    await Console.Error.WriteLineAsync(inUse.Message);
    await app.DisposeAsync();
    return 3;
}
catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
{
    // SIGTERM while the host was still starting (a slow start already sends before the web server has bound): stop
    // the services that did start, in order, as a normal shutdown would — the dispatcher finishes its claimed rows and
    // the ledger keeps the rest — and exit cleanly, not with an unhandled cancellation.
    await app.StopStartedAsync();
    await app.DisposeAsync();
    return 0;
}

await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;
