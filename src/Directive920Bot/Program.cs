using Directive920Bot.Content;
using Directive920Bot.Hosting;

if (Cli.IsCliInvocation(args))
{
    return await Cli.RunAsync(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddContent();
var app = builder.Build();
await app.RunAsync();
return 0;
