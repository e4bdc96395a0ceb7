namespace Directive920Bot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file. Its directory is created and the file is made readable by the owner only.</summary>
    public string DatabasePath { get; set; } = "data/directive920.db";
}
