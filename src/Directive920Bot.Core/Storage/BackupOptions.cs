namespace Directive920Bot.Storage;

public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where the daily backup writes; empty: a "backups" folder beside the database.</summary>
    public string? Directory { get; set; }

    /// <summary>Daily backups kept; older ones are deleted after a new one is written.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>Off: no daily backup (the CLI verb and the API still work).</summary>
    public bool Daily { get; set; } = true;

    /// <summary>Base64 of 32 random bytes: backups are encrypted with AES-256-GCM. Never logged; keep a copy away from the backups.</summary>
    public string? EncryptionKey { get; set; }
}
