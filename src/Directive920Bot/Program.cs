using Directive920Bot.Hosting;

if (Cli.IsCliInvocation(args))
{
    return await Cli.RunAsync(args, AppComposition.CliContext(Console.Out));
}

var builder = WebApplication.CreateBuilder(args);
builder.AddDirective920Bot();
var app = builder.Build();
app.MapDirective920Bot();
await app.RunAsync();
return 0;
