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
    await app.RunAsync();
}
catch (DatabaseInUseException inUse)
{
    // Another service holds the database: one clear line and the CLI's exit code, not a crash dump.
    await Console.Error.WriteLineAsync(inUse.Message);
    return 3;
}

return 0;
