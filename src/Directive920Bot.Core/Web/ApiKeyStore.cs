using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Directive920Bot.Admin;

namespace Directive920Bot.Web;

/// <summary>
/// Reads <c>Admin:ApiKeys</c> on every request (so a configuration reload applies). Two forms:
/// <c>Admin:ApiKeys:&lt;name&gt; = key</c> (a bloc admin), or <c>Admin:ApiKeys:&lt;name&gt;:Key</c> — or
/// <c>:KeyHash</c>, the SHA-256 of the key in hex or base64, so the configuration need not hold the key — with
/// <c>:Role</c> (BlocAdmin | UnitAdmin) and <c>:Units:0..</c>, or with <c>:UserId</c> (the role is that user's).
/// </summary>
public sealed class ApiKeyStore(IConfiguration configuration)
{
    public const string Section = "Admin:ApiKeys";

    /// <summary>A key must carry at least this many random bytes (e.g. <c>openssl rand -base64 32</c>).</summary>
    public const int MinimumKeyBytes = 32;

    public IReadOnlyList<ApiKeyEntry> Entries()
    {
        var entries = new List<ApiKeyEntry>();
        foreach (var child in configuration.GetSection(Section).GetChildren())
        {
            if (!string.IsNullOrEmpty(child.Value))
            {
                entries.Add(new ApiKeyEntry(child.Key, Hash(child.Value), AdminRole.BlocAdmin, [], null));
                continue;
            }

            var hash = !string.IsNullOrEmpty(child["Key"]) ? Hash(child["Key"]!) : ParseHash(child["KeyHash"]);
            if (hash is null)
            {
                continue;
            }

            AdminRole? role = Enum.TryParse<AdminRole>(child["Role"], ignoreCase: true, out var parsed) ? parsed : null;
            long? userId = long.TryParse(child["UserId"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
            var units = child.GetSection("Units").GetChildren().Select(u => u.Value).OfType<string>().ToList();
            entries.Add(new ApiKeyEntry(child.Key, hash, role ?? (userId is null && child["Role"] is null ? AdminRole.BlocAdmin : null), units, userId));
        }

        return entries;
    }

    /// <summary>The entry whose key hashes to the hash of <paramref name="presented"/>, compared in constant time.</summary>
    public ApiKeyEntry? Match(string presented)
    {
        var presentedHash = Hash(presented);
        ApiKeyEntry? found = null;
        foreach (var entry in Entries())
        {
            if (CryptographicOperations.FixedTimeEquals(presentedHash, entry.KeyHash))
            {
                found ??= entry;
            }
        }

        return found;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>A SHA-256 as 64 hex digits or base64 (44 characters); null when it is neither.</summary>
    public static byte[]? ParseHash(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        try
        {
            var bytes = text.Length == 64 ? Convert.FromHexString(text) : Convert.FromBase64String(text);
            return bytes.Length == SHA256.HashSizeInBytes ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether a key plausibly holds <see cref="MinimumKeyBytes"/> random bytes: long enough in its alphabet (hex needs
    /// 64 characters, base64 and other text 43) and not built from a few repeated characters.
    /// </summary>
    public static bool IsStrong(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var isHex = key.All(Uri.IsHexDigit);
        var needed = isHex ? MinimumKeyBytes * 2 : (int)Math.Ceiling(MinimumKeyBytes * 8 / 6.0);
        var distinct = key.Distinct().Count();
        // 32 random bytes in base64 show ~30 distinct characters, in hex all 16; a key of a few repeated characters is not random.
        return key.Length >= needed && distinct >= (isHex ? 12 : 16);
    }
}
