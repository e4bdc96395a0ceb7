using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Storage;

namespace Directive920Bot.Registration;

/// <summary>
/// One cadre, one identity across channels. <c>/lienket</c> (<c>/link</c>) on a channel where the cadre is registered
/// gives a one-time code (<see cref="LinkCodes"/>); <c>/lienket &lt;code&gt;</c>, or the code alone, typed on the other
/// channel links that address to the same person (<see cref="IPersonDirectory.Link"/>, in the transaction that uses the
/// code up). From then on both addresses are one person: an acknowledgement or a quiz answer counts once (the records
/// are per person and item), reports count the person once, erasure forgets both addresses.
/// <para>What the typing address already had decides:</para>
/// <list type="bullet">
/// <item>nothing stored (never consented there): linked;</item>
/// <item>a consent or a registration not finished (a stub, which holds no acknowledgement or answer): the stub is erased,
/// then the address is linked;</item>
/// <item>a finished registration (a second person with records of their own): refused, nothing changes. Two histories
/// are never merged by a code: they could be two people sharing a phone, and a merge could not be undone; the cadre keeps
/// both accounts or erases one with <c>/xoa</c> first (its counts stay in the reports, anonymised).</item>
/// <item>the person has another address on that channel already: refused (one address per channel).</item>
/// </list>
/// </summary>
public sealed class LinkHandler(
    LinkCodes codes,
    IPersonDirectory directory,
    ISubscribers subscribers,
    PersonalDataService personalData,
    AuditLog audit,
    IStorage storage,
    BotClock clock,
    IServiceProvider services,
    ILogger<LinkHandler> log) : ICommandHandler, IFreeTextHandler
{
    private static readonly Loc CodeIssued = new(
        "Mã liên kết của đồng chí: <b>{0}</b> (dùng một lần, hiệu lực {1} phút).\nĐể nhận bài trên cả Telegram và Zalo như một người, đồng chí mở bot trên ứng dụng còn lại và gõ:\n<code>/lienket {0}</code>\nKhông đưa mã này cho người khác.",
        "Your link code: <b>{0}</b> (single use, valid {1} minutes).\nTo use the bot on both Telegram and Zalo as one person, open the bot in the other app and type:\n<code>/link {0}</code>\nDo not give this code to anyone.");

    private static readonly Loc HowToLink = new(
        "Liên kết giúp đồng chí dùng bot trên cả Telegram và Zalo với cùng một hồ sơ. Trên ứng dụng đồng chí đã đăng ký, gõ /lienket để lấy mã; rồi gõ <code>/lienket &lt;mã&gt;</code> tại đây. Nếu chưa đăng ký ở đâu, gõ /start.",
        "Linking lets you use the bot on both Telegram and Zalo with one profile. In the app where you registered, type /link to get a code; then type <code>/link &lt;code&gt;</code> here. If you have not registered anywhere, type /start.");

    private static readonly Loc NotACode = new(
        "Mã liên kết gồm {0} chữ số, ví dụ <code>/lienket 1234 5678</code>. Đồng chí vui lòng kiểm tra lại.",
        "A link code has {0} digits, e.g. <code>/link 1234 5678</code>. Please check it.");

    private static readonly Loc WrongCode = new(
        "Mã liên kết không đúng, đã dùng hoặc đã hết hạn. Đồng chí gõ /lienket trên ứng dụng đã đăng ký để lấy mã mới.",
        "The link code is wrong, used or expired. Type /link in the app where you registered to get a new one.");

    private static readonly Loc TooManyTries = new(
        "Đồng chí đã nhập sai mã liên kết nhiều lần. Vì an toàn, đồng chí vui lòng thử lại sau {0} phút.",
        "You have entered a wrong link code too many times. For safety, please try again in {0} minutes.");

    private static readonly Loc AlreadyLinked = new(
        "Tài khoản này đã được liên kết với hồ sơ của đồng chí; không cần làm gì thêm.",
        "This account is already linked to your profile; nothing more to do.");

    private static readonly Loc OtherAccountThere = new(
        "Hồ sơ này đã có một tài khoản {0} khác. Mỗi hồ sơ chỉ liên kết một tài khoản trên mỗi ứng dụng; mã chưa được dùng.",
        "This profile already has another {0} account. A profile links one account per app; the code was not used.");

    private static readonly Loc RegisteredSeparately = new(
        "Tài khoản {0} này đã đăng ký riêng, với kết quả học tập của nó, nên không liên kết được: bot không gộp hai hồ sơ để không làm mất hay tính trùng xác nhận nào. Đồng chí có thể tiếp tục dùng riêng từng tài khoản, hoặc gõ /xoa tại đây để xóa hồ sơ này (số liệu báo cáo được giữ ở dạng ẩn danh) rồi liên kết lại. Không có gì thay đổi.",
        "This {0} account is registered on its own, with its own learning records, so it cannot be linked: the bot never merges two profiles, so no acknowledgement is lost or counted twice. You can keep using each account, or type /delete here to erase this profile (report counts stay, anonymised) and then link again. Nothing was changed.");

    private static readonly Loc Linked = new(
        "Đã liên kết tài khoản {0} này với hồ sơ của đồng chí <b>{1}</b>. Từ nay đồng chí nhận bài và trả lời trên ứng dụng nào cũng được; mỗi xác nhận, mỗi câu trả lời chỉ được tính một lần.",
        "This {0} account is now linked to your profile <b>{1}</b>. From now on you can receive lessons and answer in either app; each acknowledgement and answer counts once.");

    private static readonly Loc LinkedElsewhere = new(
        "Đã liên kết tài khoản {0} với tài khoản này lúc {1}: từ nay hai tài khoản là một hồ sơ. Nếu không phải đồng chí liên kết, gõ /huylienket để hủy liên kết.",
        "A {0} account was linked with this account at {1}: from now on the two accounts are one profile. If it was not you, type /unlink to undo it.");

    public IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("link", new("Liên kết Telegram và Zalo thành một hồ sơ", "Link Telegram and Zalo into one profile"), CommandAccess.Anyone, true, "lienket"),
    ];

    public async Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length == 0)
        {
            if (!context.IsRegistered)
            {
                await context.ReplyAsync(HowToLink, ct);
                return;
            }

            var code = codes.Issue(context.PersonId);
            await context.ReplyAsync(CodeIssued.Format(context.Language, LinkCodes.Display(code), (int)LinkCodes.Lifetime.TotalMinutes), ct);
            return;
        }

        if (LinkCodes.Normalise(arguments) is not { } typed)
        {
            await context.ReplyAsync(NotACode.Format(context.Language, LinkCodes.Digits), ct);
            return;
        }

        await RedeemAsync(context, typed, ct);
    }

    /// <summary>The code typed alone (what a cadre copies from the other app) is taken as <c>/lienket &lt;code&gt;</c>.</summary>
    public async Task<bool> TryHandleAsync(BotContext context, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(message);
        if (LinkCodes.Normalise(message.Text) is not { } typed)
        {
            return false;
        }

        await RedeemAsync(context, typed, ct);
        return true;
    }

    private async Task RedeemAsync(BotContext context, string typed, CancellationToken ct)
    {
        var address = context.Address;
        if (codes.Locked(address))
        {
            await context.ReplyAsync(TooManyTries.Format(context.Language, (int)LinkCodes.TryWindow.TotalMinutes), ct);
            return;
        }

        if (codes.Find(address, typed) is not { OwnerId: { } owner } key)
        {
            await context.ReplyAsync(WrongCode, ct);
            return;
        }

        var channel = ChannelName(address.Channel);
        var current = directory.Find(address);
        if (current == owner)
        {
            await context.ReplyAsync(AlreadyLinked, ct);
            return;
        }

        if (directory.AddressesOf(owner).Any(a => a.Channel == address.Channel))
        {
            await context.ReplyAsync(OtherAccountThere.Format(context.Language, channel), ct);
            return;
        }

        if (current is { } stub && subscribers.Find(stub) is { IsRegistered: true })
        {
            await context.ReplyAsync(RegisteredSeparately.Format(context.Language, channel), ct);
            return;
        }

        try
        {
            // One transaction: the stub's erasure, the code used up, the link, the profile's channels and the audit entry
            // commit together, so a crash between them can neither lose the stub without linking nor link twice.
            await storage.WriteAsync(tx =>
            {
                if (current is { } unfinished)
                {
                    // A consent or an unfinished registration: nothing in it is worth keeping against the registered profile.
                    personalData.Erase(tx, unfinished);
                }

                codes.Consume(tx, key);
                directory.Link(tx, owner, address);
                if (subscribers.Find(owner) is { } profile)
                {
                    // Reports count the person once, under both channels.
                    profile.Channels = profile.ChannelsInUse | ChannelUses.Of(address.Channel);
                    subscribers.Save(tx, profile);
                }

                audit.Write(tx, owner, "person.link", address.Channel);
            });
        }
        catch (Exception ex) when (ex is DuplicateKeyException or InvalidOperationException)
        {
            // Another link of the same address or channel won a race: nothing of this one was written.
            log.LogWarning(ex, "Linking a {Channel} address to person {PersonId} was refused", address.Channel, owner);
            await context.ReplyAsync(OtherAccountThere.Format(context.Language, channel), ct);
            return;
        }

        context.PersonId = owner;
        context.Subscriber = subscribers.Find(owner);
        context.Language = context.Subscriber?.Language ?? context.Language;
        log.LogInformation("Person {PersonId} linked a {Channel} address", owner, address.Channel);
        await context.ReplyAsync(Linked.Format(context.Language, channel, TelegramHtml.Escape(context.Subscriber?.FullName ?? "")), ct);
        await NotifyOtherChannelsAsync(owner, address, context.Language, ct);
    }

    /// <summary>
    /// Tells the person on the app where the code was issued (every other address) that a link was made: whoever typed
    /// the code, the owner learns of it where they registered, and can undo it (<see cref="UnlinkHandler"/>). Sent through
    /// that channel's own sender (its gate, its retries), after the commit; a failure is logged, the link stands.
    /// </summary>
    private async Task NotifyOtherChannelsAsync(long owner, ChannelAddress linked, string language, CancellationToken ct)
    {
        var text = LinkedElsewhere.Format(language, ChannelName(linked.Channel), Dates.At(clock.LocalNow, language));
        await OtherAppsNotice.SendAsync(services, log, owner, directory.AddressesOf(owner).Where(a => a.Channel != linked.Channel), text, ct);
    }

    internal static string ChannelName(string channel) => channel.Length == 0 ? channel : char.ToUpperInvariant(channel[0]) + channel[1..];
}
