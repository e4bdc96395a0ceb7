using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Directive920Bot.Admin;

namespace Directive920Bot.Web;

/// <summary>
/// Reads <c>Admin:ApiKeys</c> on every request (so a configuration reload applies). Two forms:
/// <c>Admin:ApiKeys:&lt;name&gt; = key</c> (a bloc admin), or <c>Admin:ApiKeys:&lt;name&gt;:Key</c> with <c>:Role</c>
/// (BlocAdmin | UnitAdmin) and <c>:Units:0..</c>, or with <c>:UserId</c> (the role is that user's, from the role store).
/// </summary>
public sealed class ApiKeyStore(IConfiguration configuration)
{
    public const string Section = "Admin:ApiKeys";

    public IReadOnlyList<ApiKeyEntry> Entries()
    {
        var entries = new List<ApiKeyEntry>();
        foreach (var child in configuration.GetSection(Section).GetChildren())
        {
            if (!string.IsNullOrEmpty(child.Value))
            {
                entries.Add(new ApiKeyEntry(child.Key, child.Value, AdminRole.BlocAdmin, [], null));
                continue;
            }

            var key = child["Key"];
            if (string.IsNullOrEmpty(key))
            {
                continue;
            }

            AdminRole? role = Enum.TryParse<AdminRole>(child["Role"], ignoreCase: true, out var parsed) ? parsed : null;
            long? userId = long.TryParse(child["UserId"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
            var units = child.GetSection("Units").GetChildren().Select(u => u.Value).OfType<string>().ToList();
            entries.Add(new ApiKeyEntry(child.Key, key, role ?? (userId is null && child["Role"] is null ? AdminRole.BlocAdmin : null), units, userId));
        }

        return entries;
    }

    /// <summary>The entry whose key equals <paramref name="presented"/>, compared in constant time.</summary>
    public ApiKeyEntry? Match(string presented)
    {
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeyEntry? found = null;
        foreach (var entry in Entries())
        {
            if (CryptographicOperations.FixedTimeEquals(presentedHash, SHA256.HashData(Encoding.UTF8.GetBytes(entry.Key))))
            {
                found ??= entry;
            }
        }

        return found;
    }
}
