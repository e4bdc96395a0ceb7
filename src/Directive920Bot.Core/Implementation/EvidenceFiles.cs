using System.IO.Compression;
using System.Security.Cryptography;
using Directive920Bot.Storage;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Implementation;

/// <summary>
/// Evidence files on disk, outside the database: one folder readable by the service's user only (0700, files 0600),
/// random names, and a type found from the first bytes (PDF, DOCX, PNG, JPEG) whatever the uploader declared.
/// </summary>
public sealed class EvidenceFiles(IOptions<ImplementationOptions> options, IOptions<StorageOptions> storage)
{
    public string Folder { get; } = options.Value.EvidencePath is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Value.DatabasePath))!, "evidence");

    public long MaxBytes => options.Value.MaxEvidenceBytes;

    /// <summary>The MIME type of <paramref name="content"/> when it is a PDF, a DOCX, a PNG or a JPEG; null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "image/png";
        }

        if (content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return "image/jpeg";
        }

        return content.StartsWith("PK\u0003\u0004"u8) && IsDocx(content.ToArray()) ? Reports.ReportsApi.DocxType : null;
    }

    /// <summary>Writes the file under a new random name and returns its record; the caller has checked type and size.</summary>
    public Evidence Save(byte[] content, string fileName, string contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureFolder();
        var stored = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var full = Path.Combine(Folder, stored);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(full, fileOptions))
        {
            stream.Write(content);
        }

        return new Evidence { StoredName = stored, FileName = SafeName(fileName), ContentType = contentType, Size = content.Length };
    }

    /// <summary>Deletes a stored file that no report refers to (its change was refused); nothing when it is gone.</summary>
    public void Discard(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.StoredName.Length == 32 && evidence.StoredName.All(Uri.IsHexDigit))
        {
            File.Delete(Path.Combine(Folder, evidence.StoredName));
        }
    }

    /// <summary>The stored file, or null when it is gone.</summary>
    public Stream? Open(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        // Stored names are 32 hex characters the service made; anything else never reaches the file system.
        if (evidence.StoredName.Length != 32 || !evidence.StoredName.All(Uri.IsHexDigit))
        {
            return null;
        }

        var full = Path.Combine(Folder, evidence.StoredName);
        return File.Exists(full) ? File.OpenRead(full) : null;
    }

    private void EnsureFolder()
    {
        if (Directory.Exists(Folder))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static bool IsDocx(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name ?? "");
        var clean = new string(file.Where(c => !char.IsControl(c) && c is not '"' and not '\\' and not '/').ToArray()).Trim();
        return clean.Length == 0 ? "minh-chung" : clean[..Math.Min(clean.Length, 120)];
    }
}
