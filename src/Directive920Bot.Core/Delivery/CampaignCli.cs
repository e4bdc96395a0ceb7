using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;

namespace Directive920Bot.Delivery;

/// <summary>
/// <c>campaign create|list|show|cancel</c>. They open the database directly, which the embedded store allows only while the
/// service is stopped (<see cref="CliHost"/> refuses otherwise); while it runs, <c>campaign show --api URL --api-key KEY</c>
/// follows a campaign through the admin API.
/// </summary>
internal static class CampaignCli
{
    /// <summary>Who the campaign changes of this process are by: the operator at the server's console.</summary>
    private static Actor Operator => Actor.Console(Environment.UserName);

    public static Command Build(CliContext cli)
    {
        var output = cli.Output;
        var database = new Option<string?>("--database") { Description = "The database file (default: Storage:DatabasePath)" };

        var lesson = new Option<string?>("--lesson") { Description = "Content item id to send (a lesson, card or announcement)" };
        var text = new Option<string?>("--text") { Description = "Announcement text (Markdown), instead of --lesson" };
        var unitsOption = new Option<string?>("--units") { Description = "Unit codes, comma-separated" };
        var subUnits = new Option<bool>("--sub-units") { Description = "Include the sub-units of --units" };
        var roles = new Option<string?>("--roles") { Description = "leader and/or staff, comma-separated" };
        var all = new Option<bool>("--all") { Description = "Every registered subscriber" };
        var partyMembers = new Option<bool>("--party-members") { Description = "Only party members (dang_vien in the roster), e.g. for a party-cell meeting notice" };
        var at = new Option<string?>("--at") { Description = "Send time, ISO 8601 with offset (default: now), e.g. 2026-12-01T08:00:00+07:00" };
        var cron = new Option<string?>("--cron") { Description = "Quartz cron rule in Bot:TimeZone, e.g. \"0 0 8 ? * MON\"" };
        var requireAck = new Option<bool>("--require-ack") { Description = "Ask for the read-and-commit acknowledgement" };
        var quizMode = new Option<string?>("--quiz-mode") { Description = "inline or poll (default: the curriculum's quiz mode)" };
        var quizFirst = new Option<bool?>("--quiz-before-ack")
        {
            Description = "Acknowledge after understanding: the button unlocks once the lesson's quiz is answered (true/false; default: the curriculum's choice)",
        };
        var create = new Command("create", "Create a campaign") { lesson, text, unitsOption, subUnits, roles, all, partyMembers, at, cron, requireAck, quizMode, quizFirst, database };
        create.SetAction(parse => Create(cli, parse.GetValue(database), new CreateArgs(
            parse.GetValue(lesson), parse.GetValue(text), parse.GetValue(unitsOption), parse.GetValue(subUnits), parse.GetValue(roles),
            parse.GetValue(all), parse.GetValue(at), parse.GetValue(cron), parse.GetValue(requireAck), parse.GetValue(quizMode), parse.GetValue(quizFirst), parse.GetValue(partyMembers))));

        var list = new Command("list", "List campaigns with their progress") { database };
        list.SetAction(parse => WithService(cli, parse.GetValue(database), service =>
        {
            foreach (var campaign in service.List())
            {
                var progress = service.Progress(campaign.Id);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{campaign.Id}\t{CampaignService.StatusOf(campaign, progress)}\t{campaign.LessonId ?? "text"}\t{progress.Sent}/{progress.Expanded} sent\tnext {campaign.NextOccurrenceAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-"}"));
            }

            return 0;
        }));

        var id = new Argument<string>("id") { Description = "Campaign id" };
        var api = new Option<string?>("--api") { Description = "Admin API base URL of the running service, e.g. http://127.0.0.1:5080" };
        var apiKey = new Option<string?>("--api-key") { Description = "API key for --api (default: environment variable D920_API_KEY)" };
        var show = new Command("show", "Show a campaign and its progress; with --api, follow it with a progress bar until it is sent") { id, database, api, apiKey };
        show.SetAction((parse, ct) => parse.GetValue(api) is { } url
            ? FollowAsync(cli, url, parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("D920_API_KEY"), parse.GetValue(id)!, ct)
            : Task.FromResult(WithService(cli, parse.GetValue(database), service => Show(output, service, parse.GetValue(id)!))));

        var cancelId = new Argument<string>("id") { Description = "Campaign id" };
        var cancel = new Command("cancel", "Cancel a campaign: nothing more is sent") { cancelId, database };
        cancel.SetAction(parse => WithService(cli, parse.GetValue(database), service =>
        {
            var stopped = service.Cancel(parse.GetValue(cancelId)!, Operator);
            output.WriteLine(stopped is { } n ? $"Cancelled; {n} pending message(s) will not be sent." : $"No campaign '{parse.GetValue(cancelId)}'.");
            return stopped is null ? 1 : 0;
        }));

        return new Command("campaign", "Campaigns: lessons and announcements to an audience") { create, list, show, cancel };
    }

    public static string Bar(CampaignProgress progress, int width = 30)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var done = progress.Expanded - progress.Remaining;
        var fraction = progress.Expanded == 0 ? 0 : (double)done / progress.Expanded;
        var filled = (int)Math.Round(fraction * width);
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('-', width - filled)}] {fraction * 100:0}% sent {progress.Sent}, failed {progress.Failed}, blocked {progress.Blocked}, skipped {progress.Skipped}, remaining {progress.Remaining}{(progress.EtaSeconds is { } eta ? $", ETA {eta:0} s" : "")}");
    }

    private static int Create(CliContext cli, string? database, CreateArgs args)
    {
        var output = cli.Output;
        DateTimeOffset? sendAt = null;
        if (args.At is { } raw)
        {
            if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                output.WriteLine($"--at: '{raw}' is not a date-time such as 2026-12-01T08:00:00+07:00.");
                return 2;
            }

            sendAt = parsed;
        }

        var request = new CampaignRequest(args.Lesson, args.Text,
            new AudienceRequest(Split(args.Units), args.SubUnits, Split(args.Roles), null, args.All, args.PartyMembers),
            sendAt, args.RequireAck ? true : null, args.Cron, args.QuizMode, RequireQuizBeforeAck: args.QuizBeforeAck);
        return WithService(cli, database, service =>
        {
            try
            {
                var campaign = service.Create(request, Operator);
                output.WriteLine($"Created campaign {campaign.Id}; first occurrence {campaign.LastOccurrenceAt ?? campaign.NextOccurrenceAt:u}.");
                output.WriteLine(Bar(service.Progress(campaign.Id)));
                return 0;
            }
            catch (CampaignValidationException ex)
            {
                foreach (var (field, messages) in ex.Errors)
                {
                    output.WriteLine($"{field}: {string.Join(" ", messages)}");
                }

                return 1;
            }
        });
    }

    private static int Show(TextWriter output, CampaignService service, string id)
    {
        var campaign = service.Find(id);
        if (campaign is null)
        {
            output.WriteLine($"No campaign '{id}'.");
            return 1;
        }

        var progress = service.Progress(id);
        output.WriteLine($"{campaign.Id}: {CampaignService.StatusOf(campaign, progress)}, {campaign.LessonId ?? "announcement"}, created by {campaign.CreatedBy}");
        output.WriteLine(Bar(progress));
        return 0;
    }

    private static async Task<int> FollowAsync(CliContext cli, string url, string? key, string id, CancellationToken ct)
    {
        var output = cli.Output;
        using var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/") };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        while (true)
        {
            using var response = await http.GetAsync(new Uri($"api/campaigns/{Uri.EscapeDataString(id)}", UriKind.Relative), ct);
            if (!response.IsSuccessStatusCode)
            {
                output.WriteLine($"The API answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                return 1;
            }

            var view = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var p = view.GetProperty("progress");
            var progress = new CampaignProgress(p.GetProperty("expanded").GetInt32(), p.GetProperty("sent").GetInt32(), p.GetProperty("failed").GetInt32(),
                p.GetProperty("blocked").GetInt32(), p.GetProperty("skipped").GetInt32(), p.GetProperty("remaining").GetInt32(),
                p.TryGetProperty("etaSeconds", out var eta) && eta.ValueKind == JsonValueKind.Number ? eta.GetDouble() : null);
            output.WriteLine(Bar(progress));
            if (progress.Remaining == 0)
            {
                output.WriteLine($"Campaign {id}: {view.GetProperty("status").GetString()}.");
                return 0;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cli.Transport, ct);
        }
    }

    private static int WithService(CliContext cli, string? database, Func<CampaignService, int> action)
    {
        using var host = CliHost.Build(cli, database, b =>
        {
            b.AddContent();
            b.AddRegistration();
            b.AddDeliveryCore();
        });
        CampaignService service;
        try
        {
            service = host.Services.GetRequiredService<CampaignService>();
        }
        catch (ContentValidationException ex)
        {
            cli.Output.WriteLine(ex.Message);
            return 2;
        }

        return action(service);
    }

    private static List<string>? Split(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private sealed record CreateArgs(string? Lesson, string? Text, string? Units, bool SubUnits, string? Roles, bool All, string? At, string? Cron, bool RequireAck,
        string? QuizMode, bool? QuizBeforeAck, bool PartyMembers);
}
