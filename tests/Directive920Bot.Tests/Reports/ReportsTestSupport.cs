using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Reports;

/// <summary>The people of the reports tests and the ways to reach the admin API as each of them.</summary>
public static class ReportsTestSupport
{
    public const long BlocAdmin = 9001;
    public const long UnitAdminInScope = 9002;
    public const long UnitAdminOutOfScope = 9003;
    public const long Cadre = 9004;

    /// <summary>SNV is held by the in-scope unit admin; SNV-VP, below it, is the unit every scoped request names.</summary>
    public const string ScopeUnit = "SNV";
    public const string TargetUnit = "SNV-VP";
    public const string OtherUnit = "STC";

    /// <summary>The service with a super-admin and one API key per test user (the key carries that user's roles).</summary>
    public static Task<BotHarness> StartAsync(DateTimeOffset? start = null, IDictionary<string, string?>? extra = null)
    {
        // Engagement's kit settings: unpaced sends and no background ticks, so tests drive time themselves.
        var settings = Engagement.EngagementKit.Settings(new Dictionary<string, string?> { ["Bot:SuperAdmins:0"] = BlocAdmin.ToString(CultureInfo.InvariantCulture) });
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        foreach (var user in new[] { BlocAdmin, UnitAdminInScope, UnitAdminOutOfScope, Cadre })
        {
            settings[$"Admin:ApiKeys:user{user}:Key"] = KeyOf(user);
            settings[$"Admin:ApiKeys:user{user}:UserId"] = user.ToString(CultureInfo.InvariantCulture);
        }

        return BotHarness.StartAsync(settings, start: start);
    }

    public static string KeyOf(long user) => FormattableString.Invariant($"test-key-{user}-0123456789abcdefghijKLMNOPQRSTuvwxyz");

    /// <summary>An HTTP client that presents the API key of <paramref name="user"/>, or none.</summary>
    public static HttpClient ApiAs(this BotHarness bot, long? user)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var http = bot.Http();
        if (user is { } id)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyOf(id));
        }

        return http;
    }

    public static void GrantUnitAdmins(BotHarness bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var roles = bot.Get<RoleService>();
        roles.Grant(BlocAdmin, UnitAdminInScope, AdminRole.UnitAdmin, ScopeUnit);
        roles.Grant(BlocAdmin, UnitAdminOutOfScope, AdminRole.UnitAdmin, OtherUnit);
    }

    public static RosterImportResult ImportRoster(BotHarness bot, string fileName, string csv, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(bot);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return bot.Get<RosterImporter>().Import(fileName, stream, language: language);
    }

    public static void ImportDemoRoster(BotHarness bot)
    {
        var result = ImportRoster(bot, "roster.csv", File.ReadAllText(Path.Combine(BotHarness.RepoRoot, "content", "demo", "roster.csv")));
        Assert.True(result.Ok, string.Join('\n', result.Errors));
    }

    public static MultipartFormDataContent RosterUpload(string fileName, string csv)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>A sent lesson row as the delivery engine would hand it to its observers.</summary>
    public static DeliveryRow Sent(long subscriber, string unit, string item, DateTime sentAt, DeliveryKind kind = DeliveryKind.Lesson) => new()
    {
        Id = $"t:{item}:{subscriber}",
        OccurrenceId = $"t:{item}",
        SubscriberId = subscriber,
        Kind = kind,
        ItemId = item,
        UnitCode = unit,
        State = DeliveryState.Sent,
        CreatedAt = sentAt,
        SentAt = sentAt,
        DueAt = sentAt,
        RequireAck = true,
    };
}
