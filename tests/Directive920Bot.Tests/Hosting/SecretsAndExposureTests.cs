using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Directive920Bot.Reports;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Tests.Hosting;

/// <summary>Issue #15 item 4: API keys as hashes, strong and distinct, guessing throttled; no clear text beyond loopback; quiet health; safe CSV.</summary>
public sealed class SecretsAndExposureTests
{
    private const string StrongKey = "Qm9uZ0tleUZvclRoZVRlc3RzT25seS0tbm90LXJlYWwtMTIz";

    [Theory]
    [InlineData("hex")]
    [InlineData("base64")]
    public async Task A_key_configured_only_as_its_SHA256_authenticates_the_plain_key(string encoding)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(StrongKey));
        var text = encoding == "hex" ? Convert.ToHexString(hash).ToLowerInvariant() : Convert.ToBase64String(hash);
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Admin:ApiKeys:ops:KeyHash"] = text });
        using var http = bot.Http();

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StrongKey);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("api/campaigns", UriKind.Relative))).StatusCode);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", text);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("api/campaigns", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("Admin:ApiKeys:ops", "short-key", "Admin:ApiKeys:ops must hold at least 32 random bytes")]
    [InlineData("Admin:ApiKeys:ops:Key", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Admin:ApiKeys:ops:Key must hold at least 32 random bytes")]
    [InlineData("Admin:ApiKeys:ops:Key", "abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc", "Admin:ApiKeys:ops:Key must hold at least 32 random bytes")]
    [InlineData("Admin:ApiKeys:ops:KeyHash", "not-a-hash", "Admin:ApiKeys:ops:KeyHash must be the SHA-256 of the key")]
    public void A_weak_key_or_a_bad_hash_stops_the_start_with_a_message_naming_the_config_key(string key, string value, string message)
    {
        var result = Validate(new Dictionary<string, string?> { [key] = value });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(value, result.FailureMessage.Replace(key, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_key_configured_twice_is_refused_even_when_once_as_a_hash()
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(StrongKey)));

        var result = Validate(new Dictionary<string, string?>
        {
            ["Admin:ApiKeys:ops"] = StrongKey,
            ["Admin:ApiKeys:reports:KeyHash"] = hash,
            ["Admin:ApiKeys:reports:Role"] = "UnitAdmin",
            ["Admin:ApiKeys:reports:Units:0"] = "SNV",
        });

        Assert.True(result.Failed);
        Assert.Contains("Admin:ApiKeys:reports is the same key as Admin:ApiKeys:ops", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_ten_wrong_keys_an_address_gets_429_with_Retry_After_even_for_the_right_key()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Admin:ApiKeys:ops"] = StrongKey });
        using var http = bot.Http();
        var path = new Uri("api/campaigns", UriKind.Relative);

        for (var i = 0; i < ApiKeyFailures.PerMinute; i++)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "guess-" + i.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(path)).StatusCode);
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StrongKey);
        using var refused = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Health_shows_anonymous_callers_the_statuses_but_no_error_text_and_an_api_key_the_details()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Admin:ApiKeys:ops"] = StrongKey });
        using var http = bot.Http();
        await bot.Emulator.WaitUntilAsync(() => bot.Get<Directive920Bot.Telegram.UpdatePoller>().LastSuccess is not null, BotHarness.Wait);

        using var anonymous = JsonDocument.Parse(await http.GetStringAsync(new Uri("readyz", UriKind.Relative)));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StrongKey);
        using var admin = JsonDocument.Parse(await http.GetStringAsync(new Uri("readyz", UriKind.Relative)));

        foreach (var check in anonymous.RootElement.GetProperty("checks").EnumerateObject())
        {
            Assert.False(string.IsNullOrEmpty(check.Value.GetProperty("status").GetString()));
            Assert.False(check.Value.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String);
        }

        Assert.Contains(admin.RootElement.GetProperty("checks").EnumerateObject(), c => c.Value.GetProperty("description").ValueKind == JsonValueKind.String);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080", null, false)]
    [InlineData("http://192.168.1.20:5080", null, false)]
    [InlineData("http://0.0.0.0:5080", "true", true)]
    [InlineData("https://0.0.0.0:5443", null, true)]
    [InlineData("http://127.0.0.1:5080", null, true)]
    public void Plain_HTTP_beyond_loopback_is_refused_unless_behind_a_proxy(string urls, string? behindProxy, bool starts)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls, ["Web:BehindProxy"] = behindProxy }).Build();

        var error = Record.Exception(() => WebExtensions.RequireSafeListening(configuration));

        Assert.Equal(starts, error is null);
        if (error is not null)
        {
            Assert.Contains("Web:BehindProxy=true", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_CSV_export_escapes_cells_that_Excel_would_run_as_formulas()
    {
        var csv = Encoding.UTF8.GetString(ReportExports.Write([new { Name = "=HYPERLINK(\"http://evil\",\"x\")", Unit = "+SUM(A1)", Note = "@cmd", Plain = "Nguyễn Văn An" }], ExportFormat.Csv));

        Assert.DoesNotContain(",=HYPERLINK", "," + csv.Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains("'+SUM(A1)", csv, StringComparison.Ordinal);
        Assert.Contains("'@cmd", csv, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", csv, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ApiKeysValidator(configuration).Validate(null, new ApiKeysCheck());
    }
}
