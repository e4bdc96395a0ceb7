namespace Directive920Bot.Implementation;

/// <summary>A file attached to a report: kept in the evidence folder under <see cref="StoredName"/>, never in the database.</summary>
public sealed class Evidence
{
    /// <summary>Random name of the file in the evidence folder (nothing of the sender's name reaches the file system).</summary>
    public string StoredName { get; set; } = "";

    /// <summary>The name the uploader gave it, for the download.</summary>
    public string FileName { get; set; } = "";

    /// <summary>Found from the file's first bytes, not from what the uploader declared.</summary>
    public string ContentType { get; set; } = "";

    public long Size { get; set; }
}
