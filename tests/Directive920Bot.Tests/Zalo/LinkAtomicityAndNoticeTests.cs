using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Zalo;

/// <summary>
/// A link that replaces a stub is one transaction (the stub's erasure, the code, the link, the audit entry), and the app
/// where the code was issued is told of the link, in the person's language, on both channels.
/// </summary>
public sealed class LinkAtomicityAndNoticeTests
{
    [Fact]
    public async Task A_crash_after_the_stub_is_erased_and_the_address_linked_changes_nothing_and_the_code_still_works()
    {
        var crash = new CrashBeforeCommitOnceLinked();
        await using var kit = await ZaloKit.StartAsync(services: s => s.AddSingleton<IPersonalDataHolder>(crash));
        var cadre = await kit.Bot.RegisterAsync(3301, "Phan Văn Đức");
        kit.Zalo.AddUser("zu-3301", "Đức");
        await kit.SayAsync("zu-3301", "/start");
        await kit.ChooseAsync("zu-3301", "Đồng ý"); // a stub: consented, registration not finished
        var stub = kit.PersonOf("zu-3301");
        var code = await kit.CodeFromTelegramAsync(3301);
        var zalo = new ChannelAddress("zalo", "zu-3301");
        crash.Arm(kit.Bot.Get<IPersonDirectory>(), zalo);

        await kit.SayAsync("zu-3301", "/lienket " + code);

        // The failure came after the stub's erasure and the link, inside their one transaction: all of it rolled back.
        Assert.True(crash.Fired);
        Assert.Equal(stub, kit.PersonOf("zu-3301"));
        Assert.NotNull(kit.Bot.Get<ISubscribers>().Find(stub));
        Assert.Equal([ChannelAddress.ForTelegram(3301)], kit.Bot.Get<IPersonDirectory>().AddressesOf(cadre.Id));
        Assert.Empty(kit.Bot.Get<AuditLog>().Recent(action: "person.link"));

        // The code was not used up by the failed try: the same code links once the fault is gone.
        crash.Disarm();
        var linked = await kit.SayAsync("zu-3301", "/lienket " + code);

        Assert.Contains(linked, m => m.Text.Contains("Đã liên kết tài khoản Zalo", StringComparison.Ordinal));
        Assert.Equal(cadre.Id, kit.PersonOf("zu-3301"));
        Assert.Null(kit.Bot.Get<ISubscribers>().Find(stub));
        Assert.Single(kit.Bot.Get<AuditLog>().Recent(action: "person.link"));
    }

    [Fact]
    public async Task Linking_Zalo_tells_the_cadre_on_Telegram_where_the_code_was_issued()
    {
        await using var kit = await ZaloKit.StartAsync();
        await kit.Bot.RegisterAsync(3302, "Hồ Thị Lan");
        var code = await kit.CodeFromTelegramAsync(3302);
        kit.Zalo.AddUser("zu-3302", "Lan");

        var notice = await kit.Bot.ExpectReplyAsync(3302, () => kit.Zalo.SendText("zu-3302", "/lienket " + code),
            m => m.Text?.Contains("Đã liên kết tài khoản Zalo với tài khoản này", StringComparison.Ordinal) == true);

        Assert.Contains("/huylienket", notice.Text, StringComparison.Ordinal);
        Assert.Contains(Directive920Bot.Localization.Dates.Day(kit.Bot.Get<Directive920Bot.Hosting.BotClock>().LocalNow), notice.Text, StringComparison.Ordinal);
        // Nothing of it is sent to Zalo, where the person already reads the link's confirmation.
        Assert.DoesNotContain(kit.Zalo.Transcript("zu-3302"), m => m.FromBot && m.Text.Contains("với tài khoản này lúc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Linking_Telegram_tells_the_cadre_on_Zalo_in_English_when_that_is_their_language()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await kit.RegisterAsync("zu-3303", "Vũ Minh Tâm");
        await kit.SayAsync("zu-3303", "/ngonngu");
        await kit.ChooseAsync("zu-3303", "English");
        Assert.Equal("en", kit.Bot.Get<ISubscribers>().Find(cadre.Id)!.Language);
        var code = await kit.CodeFromZaloAsync("zu-3303");
        var before = kit.Zalo.Transcript("zu-3303").Count;
        kit.Bot.User(3303, "Tâm");

        var linked = await kit.Bot.SayAsync(3303, "/link " + code, m => m.Text?.Contains("linked", StringComparison.Ordinal) == true);
        await kit.Emulator.WaitUntilAsync(() => kit.Zalo.Transcript("zu-3303").Skip(before).Any(m => m.FromBot), BotHarness.Wait);

        Assert.Equal(cadre.Id, kit.Bot.Get<IPersonDirectory>().Find(ChannelAddress.ForTelegram(3303)));
        Assert.Contains("This Telegram account is now linked", linked.Text, StringComparison.Ordinal);
        var notice = Assert.Single(kit.Zalo.Transcript("zu-3303").Skip(before), m => m.FromBot);
        Assert.Contains("A Telegram account was linked with this account at", notice.Text, StringComparison.Ordinal);
        Assert.Contains("/unlink", notice.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A holder of personal data whose erasure hooks a failure onto the commit of its transaction, once that transaction
    /// also holds the link of the watched address: a crash after the erasure and the link, before anything is durable.
    /// (Were the erasure a transaction of its own, its commit would not see the link and would go through.)
    /// </summary>
    private sealed class CrashBeforeCommitOnceLinked : IPersonalDataHolder
    {
        private IPersonDirectory? directory;
        private ChannelAddress? watched;

        public bool Fired { get; private set; }

        public string Name => "crash-test";

        public void Arm(IPersonDirectory personDirectory, ChannelAddress address) => (directory, watched) = (personDirectory, address);

        public void Disarm() => (directory, watched) = (null, null);

        public object? Export(long subscriberId) => null;

        public IEnumerable<PersonalDataSection> Describe(long subscriberId, PersonalDataFormat format) => [];

        public void Erase(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms)
        {
            if (directory is not { } d || watched is not { } address)
            {
                return;
            }

            tx.BeforeCommit(this, _ =>
            {
                if (d.Find(address) is { } owner && owner != subscriberId)
                {
                    Fired = true;
                    throw new IOException("injected: the process died after the erasure and the link, before the commit");
                }
            });
        }
    }
}
