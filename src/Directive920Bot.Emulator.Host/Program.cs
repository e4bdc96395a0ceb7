using System.Globalization;
using Directive920Bot.Emulator;

// Usage: dotnet run --project src/Directive920Bot.Emulator.Host -- [--port 8081] [--token 4242:emulator-token] [--username name] [--no-limits] [--user 1001:Alice]
var options = new EmulatorOptions();
var users = new List<(long Id, string Name)>();
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--port":
            options.Port = int.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        case "--token":
            options.Token = Next();
            break;
        case "--username":
            options.BotUsername = Next();
            break;
        case "--no-limits":
            options.RateLimits.Enabled = false;
            break;
        case "--user":
            var parts = Next().Split(':', 2);
            users.Add((long.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length > 1 ? parts[1] : "User"));
            break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}");
            return 2;
    }
}

await using var emulator = await BotApiEmulator.StartAsync(options);
foreach (var (id, name) in users)
{
    emulator.AddUser(id, name);
}

var baseUrl = emulator.BaseUrl.ToString().TrimEnd('/');
Console.WriteLine($"Bot API emulator listening on {baseUrl}");
Console.WriteLine($"Token: {emulator.Token} (point the bot at baseUrl {baseUrl})");
Console.WriteLine($"User API: {baseUrl}/_emulator/users  — press Ctrl+C to stop.");

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
await stop.Task;
return 0;
