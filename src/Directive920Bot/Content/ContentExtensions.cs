namespace Directive920Bot.Content;

public static class ContentExtensions
{
    /// <summary>Registers the content catalogue. Stub: the content change fills it in.</summary>
    public static IHostApplicationBuilder AddContent(this IHostApplicationBuilder builder) => builder;
}
