namespace Directive920Bot.Content;

/// <summary>The <c>content validate</c> verb. Stub: the content change fills it in.</summary>
public static class ContentCli
{
    public static Task<int> ValidateAsync(string path, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"content validate: not implemented yet ({path})");
        return Task.FromResult(1);
    }
}
