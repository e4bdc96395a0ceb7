using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Privacy;

/// <summary>Issue #15 §5 and §7, record by record: the audit log, other users' keys and the anonymous feedback key.</summary>
public sealed class ErasureRecordsTests
{
    [Fact]
    public async Task Erasure_keeps_the_audit_entries_but_takes_the_persons_id_out_and_revokes_an_admins_buttons_about_them()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(6201, "Phan Văn Tùng");
        bot.Get<RoleService>().Grant(AuditLog.Console, 6201, AdminRole.UnitAdmin, "SNV-VP");
        bot.Get<AuditLog>().Write(6201, "export", "SNV-VP", "members.csv (bot)");
        var adminsKey = bot.Get<CallbackKeyStore>().Issue(9999, "rpt.link", "SNV-VP|6201|3");
        var unrelated = bot.Get<CallbackKeyStore>().Issue(9999, "rpt.link", "SNV-VP|62011|4");
        var before = bot.Get<AuditLog>().Count();

        bot.Get<PersonalDataService>().Erase(6201);

        Assert.Equal(before, bot.Get<AuditLog>().Count());
        Assert.Empty(bot.Get<IAuditEntries>().About(6201));
        Assert.Contains(bot.Get<AuditLog>().Recent(), e => e.Action == "role.grant" && e.Target == AuditEntry.ErasedMark);
        Assert.Contains(bot.Get<AuditLog>().Recent(), e => e.Action == "export" && e.Actor == AuditEntry.ErasedActor);
        Assert.Null(bot.Get<CallbackKeyStore>().Find(adminsKey));
        Assert.NotNull(bot.Get<CallbackKeyStore>().Find(unrelated));
    }

    [Fact]
    public async Task The_anonymous_feedback_send_key_is_gone_once_sent_and_feedback_keys_expire_within_half_an_hour()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(6301);
        var ask = await bot.SayAsync(cadre.Id, "/gopy");
        await bot.PressAndExpectReplyAsync(cadre.Id, ask, "Gửi ẩn danh");
        var preview = await bot.SayAsync(cadre.Id, "Một góp ý ẩn danh về việc học tập Thông báo.");
        Assert.Contains(StoredCallbackKeys.All(bot), k => k.Payload.StartsWith("send:", StringComparison.Ordinal));

        await PressAsync(bot, cadre.Id, preview.MessageId, "Gửi góp ý");
        await SettleAsync(bot);

        Assert.DoesNotContain(StoredCallbackKeys.All(bot), k => k.Payload.StartsWith("send:", StringComparison.Ordinal));
        Assert.All(StoredCallbackKeys.All(bot).Where(k => k.Action == "eng.fb"), k => Assert.True(k.ExpiresAt <= k.CreatedAt + TimeSpan.FromMinutes(30)));
        var sent = Assert.Single(bot.Get<Directive920Bot.Engagement.IFeedback>().All());
        Assert.Equal(TimeSpan.Zero, sent.CreatedAt.TimeOfDay);
    }
}
