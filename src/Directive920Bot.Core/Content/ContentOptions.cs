using Microsoft.Extensions.Options;

namespace Directive920Bot.Content;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder; a relative path is looked up from the current directory, then above the app.</summary>
    public string Path { get; set; } = "content";

    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// Resolves a configured path: absolute as is; relative against the current directory if that
    /// folder exists, else the first folder above <paramref name="baseDirectory"/> holding
    /// <c>{path}/curriculum.yaml</c> (so tests and <c>dotnet run</c> find the repository's content).
    /// </summary>
    public static string ResolvePath(string configured, string currentDirectory, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(configured);
        if (System.IO.Path.IsPathRooted(configured))
        {
            return System.IO.Path.GetFullPath(configured);
        }

        var fromCurrent = System.IO.Path.GetFullPath(System.IO.Path.Combine(currentDirectory, configured));
        if (Directory.Exists(fromCurrent))
        {
            return fromCurrent;
        }

        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, configured);
            if (File.Exists(System.IO.Path.Combine(candidate, "curriculum.yaml")))
            {
                return System.IO.Path.GetFullPath(candidate);
            }
        }

        // Not found anywhere: report the current-directory path, which is what the user most likely meant.
        return fromCurrent;
    }
}

internal sealed class ContentOptionsValidator : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail($"{ContentOptions.Section}:Path must name the content folder; got '{options.Path}'.");
        }

        if (options.Path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return ValidateOptionsResult.Fail($"{ContentOptions.Section}:Path contains characters a path cannot have; got '{options.Path}'.");
        }

        return ValidateOptionsResult.Success;
    }
}
