using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Storage;

/// <summary>
/// Backups of the running store: a consistent copy from the provider (<see cref="IStoreBackup"/>), encrypted with
/// AES-256-GCM when Backup:EncryptionKey is set (LiteDB's own password is AES-ECB, which shows repeated pages, and is
/// not used), written at mode 0600. The daily one goes to Backup:Directory and the oldest beyond Backup:Keep are deleted.
/// </summary>
public sealed class BackupService(
    IStoreBackup store,
    IOptions<BackupOptions> options,
    IOptions<StorageOptions> storage,
    [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time,
    ILogger<BackupService> log)
{
    /// <summary>The first bytes of an encrypted backup; a plain one is a LiteDB file.</summary>
    public static readonly byte[] Magic = "D920GCM1"u8.ToArray();

    public const string FilePrefix = "directive920-";

    /// <summary>Writes a backup to <paramref name="path"/>; returns what it holds.</summary>
    public async Task<StoreSnapshot> BackupAsync(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (store.ManagedByOperator is { } reason)
        {
            throw new NotSupportedException(reason);
        }

        var full = Path.GetFullPath(path);
        var plain = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            var snapshot = await store.CopyToAsync(plain);
            if (Key(options.Value) is { } key)
            {
                await File.WriteAllBytesAsync(plain + ".enc", Encrypt(await File.ReadAllBytesAsync(plain), key));
                File.Delete(plain);
                plain += ".enc";
            }

            Restrict(plain);
            File.Move(plain, full, overwrite: true);
            return snapshot;
        }
        finally
        {
            File.Delete(plain);
            File.Delete(plain + ".enc");
        }
    }

    /// <summary>
    /// The daily backup: when the newest in the backup folder is at least <see cref="Interval"/> old (by the stamp in its
    /// name), a new file, then the oldest beyond Keep deleted. Returns the new file, or null when none was due.
    /// </summary>
    public async Task<string?> DailyAsync()
    {
        if (store.ManagedByOperator is not null)
        {
            // The provider's backups are the operator's (PostgreSQL): nothing to write here, and nothing failed.
            return null;
        }

        var directory = DirectoryOf(options.Value, storage.Value);
        Directory.CreateDirectory(directory);
        var now = time.GetUtcNow().UtcDateTime;
        var newest = Directory.GetFiles(directory, FilePrefix + "*").Select(f => StampOf(Path.GetFileName(f))).Where(s => s is not null).Max();
        if (newest is { } last && now - last < Interval)
        {
            return null;
        }

        var stamp = now.ToString(StampFormat, CultureInfo.InvariantCulture);
        var path = Path.Combine(directory, $"{FilePrefix}{stamp}.db{(Key(options.Value) is null ? "" : ".enc")}");
        var snapshot = await BackupAsync(path);
        var old = Directory.GetFiles(directory, FilePrefix + "*").Order(StringComparer.Ordinal).ToList();
        foreach (var stale in old.Take(Math.Max(0, old.Count - Math.Max(1, options.Value.Keep))))
        {
            File.Delete(stale);
        }

        log.LogInformation("Backup written to {Path}: {Documents} documents in {Collections} collections", path, snapshot.Counts.Values.Sum(), snapshot.Counts.Count);
        return path;
    }

    /// <summary>A little under a day, so that an hourly job writes one backup a day at about the same time.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(23.5);

    private const string StampFormat = "yyyyMMdd-HHmmss";

    private static DateTime? StampOf(string name) =>
        name.Length >= FilePrefix.Length + StampFormat.Length &&
        DateTime.TryParseExact(name.AsSpan(FilePrefix.Length, StampFormat.Length), StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    public static string DirectoryOf(BackupOptions backup, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(backup);
        ArgumentNullException.ThrowIfNull(storage);
        return string.IsNullOrWhiteSpace(backup.Directory)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.DatabasePath))!, "backups")
            : Path.GetFullPath(backup.Directory);
    }

    /// <summary>The key, or null when backups are not encrypted; a malformed key is refused at start by the validator.</summary>
    public static byte[]? Key(BackupOptions backup) =>
        string.IsNullOrWhiteSpace(backup?.EncryptionKey) ? null : Convert.FromBase64String(backup.EncryptionKey);

    public static bool IsEncrypted(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[8];
        return file.Read(head) == head.Length && head.SequenceEqual(Magic);
    }

    /// <summary>magic | nonce (12) | tag (16) | ciphertext; the magic is authenticated as associated data.</summary>
    public static byte[] Encrypt(byte[] plain, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(plain);
        var result = new byte[Magic.Length + 12 + 16 + plain.Length];
        Magic.CopyTo(result, 0);
        var nonce = result.AsSpan(Magic.Length, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plain, result.AsSpan(Magic.Length + 28), result.AsSpan(Magic.Length + 12, 16), Magic);
        return result;
    }

    /// <summary>Throws <see cref="CryptographicException"/> for a wrong key or a changed file.</summary>
    public static byte[] Decrypt(byte[] sealedBytes, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(sealedBytes);
        if (sealedBytes.Length < Magic.Length + 28 || !sealedBytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException("not an encrypted Directive920Bot backup");
        }

        var plain = new byte[sealedBytes.Length - Magic.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(sealedBytes.AsSpan(Magic.Length, 12), sealedBytes.AsSpan(Magic.Length + 28), sealedBytes.AsSpan(Magic.Length + 12, 16), plain, Magic);
        return plain;
    }

    internal static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
