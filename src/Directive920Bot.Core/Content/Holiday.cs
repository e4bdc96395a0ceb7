namespace Directive920Bot.Content;

public sealed record Holiday(DateOnly Date, string Name);
