using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Storage;

namespace Directive920Bot.Registration;

/// <summary>
/// <c>/huylienket</c> (<c>/unlink</c>): takes ONE address away from a person with two (the other half of
/// <see cref="LinkHandler"/>), after the person picks it on a button (a numbered typed reply on Zalo). The records stay
/// with the person (acknowledgements, answers, roles: they are per person), the other address stays and becomes the
/// preferred one, and the removed address is unknown again: its next message is a new user's. Never the last address (a
/// person is never left unreachable: <c>/ngungnhan</c> or <c>/xoa</c> are for that). Idempotent: a second press finds
/// nothing to remove and says so. The removal, the profile's channels and the audit entry are one transaction.
/// </summary>
/// <remarks>
/// A person who registered on Telegram has their Telegram user id as person id (<see cref="PersonIds"/>): that address
/// cannot become unknown again without renumbering every record, so it is not offered; its other address is.
/// </remarks>
public sealed class UnlinkHandler(
    IPersonDirectory directory,
    ISubscribers subscribers,
    IOfferedChoicesStore offers,
    CallbackKeyStore keys,
    AuditLog audit,
    IStorage storage,
    BotClock clock,
    IServiceProvider services,
    ILogger<UnlinkHandler> log) : ICommandHandler, ICallbackHandler
{
    public const string RemoveAction = "unlink.remove";

    public const string KeepAction = "unlink.keep";

    private static readonly TimeSpan ChoiceLifetime = TimeSpan.FromDays(1);

    private static readonly Loc NotRegistered = new(
        "Đồng chí chưa đăng ký nên chưa có liên kết nào để hủy. Gõ /start để đăng ký.",
        "You have not registered, so there is no link to undo. Type /start to register.");

    private static readonly Loc OnlyOne = new(
        "Hồ sơ của đồng chí chỉ có một tài khoản ({0}), không có liên kết nào để hủy. Để thôi nhận tin, gõ /ngungnhan; để xóa dữ liệu, gõ /xoa.",
        "Your profile has one account only ({0}); there is no link to undo. To stop messages, type /stop; to erase your data, type /delete.");

    private static readonly Loc Ask = new(
        "Hồ sơ <b>{0}</b> đang dùng các tài khoản: {1}.\nTài khoản được hủy liên kết sẽ không nhận bài nữa; kết quả học tập vẫn thuộc hồ sơ này. Nếu sau đó tài khoản ấy nhắn bot, bot coi đó là một người mới.{2}\nĐồng chí chọn tài khoản cần hủy liên kết:",
        "Profile <b>{0}</b> uses these accounts: {1}.\nAn unlinked account gets no more lessons; your learning records stay with this profile. If that account writes to the bot later, the bot treats it as a new person.{2}\nChoose the account to unlink:");

    private static readonly Loc OriginKept = new(
        "\nTài khoản Telegram dùng để đăng ký là tài khoản gốc của hồ sơ nên không hủy liên kết được.",
        "\nThe Telegram account you registered with is the profile's own account, so it cannot be unlinked.");

    private static readonly Loc RemoveLabel = new("Hủy liên kết {0}", "Unlink {0}");

    private static readonly Loc ThisAccount = new(" (tài khoản này)", " (this account)");

    private static readonly Loc KeepLabel = new("Giữ nguyên", "Keep both");

    private static readonly Loc Kept = new("Không có gì thay đổi: các tài khoản vẫn liên kết với hồ sơ của đồng chí.", "Nothing changed: the accounts stay linked to your profile.");

    private static readonly Loc AlreadyUnlinked = new(
        "Tài khoản {0} này đã không còn liên kết với hồ sơ của đồng chí; không có gì thay đổi.",
        "That {0} account is no longer linked to your profile; nothing changed.");

    private static readonly Loc LastOne = new(
        "Đây là tài khoản duy nhất còn lại của hồ sơ nên không hủy liên kết được. Để thôi nhận tin, gõ /ngungnhan; để xóa dữ liệu, gõ /xoa.",
        "This is the profile's last account, so it cannot be unlinked. To stop messages, type /stop; to erase your data, type /delete.");

    private static readonly Loc Unlinked = new(
        "Đã hủy liên kết tài khoản {0} khỏi hồ sơ <b>{1}</b>. Kết quả học tập vẫn thuộc hồ sơ; bài mới gửi về tài khoản {2}.",
        "The {0} account is unlinked from profile <b>{1}</b>. Your learning records stay with the profile; new lessons go to the {2} account.");

    private static readonly Loc UnlinkedHere = new(
        "Đã hủy liên kết tài khoản {0} này khỏi hồ sơ <b>{1}</b>; hồ sơ và kết quả học tập vẫn ở tài khoản {2}. Từ nay tài khoản này như một người mới: gõ /start nếu muốn đăng ký, hoặc /lienket để liên kết lại.",
        "This {0} account is unlinked from profile <b>{1}</b>; the profile and its records stay with the {2} account. From now on this account is a new user: type /start to register, or /link to link it again.");

    private static readonly Loc UnlinkedElsewhere = new(
        "Tài khoản {0} đã được hủy liên kết khỏi hồ sơ của đồng chí lúc {1}. Nếu không phải đồng chí làm, gõ /lienket để liên kết lại.",
        "The {0} account was unlinked from your profile at {1}. If it was not you, type /link to link it again.");

    public IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("unlink", new("Hủy liên kết một tài khoản Telegram hoặc Zalo", "Unlink a Telegram or Zalo account"), CommandAccess.Anyone, true, "huylienket"),
    ];

    public string Feature => "unlink";

    public async Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsRegistered)
        {
            await context.ReplyAsync(NotRegistered, ct);
            return;
        }

        var person = context.PersonId;
        var addresses = directory.AddressesOf(person);
        if (addresses.Count < 2)
        {
            await context.ReplyAsync(OnlyOne.Format(context.Language, LinkHandler.ChannelName(context.Address.Channel)), ct);
            return;
        }

        var buttons = new List<IReadOnlyList<OutboundButton>>();
        foreach (var address in addresses.Where(a => !IsOrigin(person, a)))
        {
            var label = RemoveLabel.Format(context.Language, LinkHandler.ChannelName(address.Channel))
                + (address == context.Address ? context.T(ThisAccount) : "");
            buttons.Add([new OutboundButton(label, keys.Issue(person, RemoveAction, address.ToString(), ChoiceLifetime))]);
        }

        buttons.Add([new OutboundButton(context.T(KeepLabel), keys.Issue(person, KeepAction, "", ChoiceLifetime))]);
        var names = string.Join(", ", addresses.Select(a => LinkHandler.ChannelName(a.Channel)));
        var origin = addresses.Any(a => IsOrigin(person, a)) ? context.T(OriginKept) : "";
        var text = Ask.Format(context.Language, TelegramHtml.Escape(context.Subscriber?.FullName ?? ""), names, origin);
        await context.ReplyAsync(new OutboundMessage(text).WithButtons([.. buttons]), ct);
    }

    public async Task<CallbackReply> HandleAsync(BotContext context, CallbackKey key, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(key);
        if (key.Action != RemoveAction)
        {
            await context.ReplyAsync(Kept, ct);
            return CallbackReply.Silent;
        }

        var person = context.PersonId;
        var address = ChannelAddress.Parse(key.Payload);
        var channel = LinkHandler.ChannelName(address.Channel);
        if (IsOrigin(person, address))
        {
            await context.ReplyAsync(LastOne, ct);
            return CallbackReply.Silent;
        }

        bool removed;
        try
        {
            removed = await storage.WriteAsync(tx =>
            {
                if (!directory.Unlink(tx, person, address))
                {
                    return false;
                }

                // What that channel offered as typed replies was the person's: the address's next owner starts clean.
                offers.Withdraw(tx, address.Channel, person);
                if (subscribers.Find(person) is { } profile)
                {
                    profile.Channels = directory.AddressesOf(person).Aggregate(ChannelUse.None, (use, a) => use | ChannelUses.Of(a.Channel));
                    subscribers.Save(tx, profile);
                }

                audit.Write(tx, person, "person.unlink", address.Channel);
                return true;
            });
        }
        catch (InvalidOperationException)
        {
            await context.ReplyAsync(LastOne, ct);
            return CallbackReply.Silent;
        }

        if (!removed)
        {
            await context.ReplyAsync(AlreadyUnlinked.Format(context.Language, channel), ct);
            return CallbackReply.Silent;
        }

        log.LogInformation("Person {PersonId} unlinked a {Channel} address", person, address.Channel);
        var left = directory.AddressesOf(person);
        var remaining = string.Join(", ", left.Select(a => LinkHandler.ChannelName(a.Channel)));
        var name = TelegramHtml.Escape(context.Subscriber?.FullName ?? "");
        if (address == context.Address)
        {
            // The address is unknown now: this last reply goes to its provisional id, as to any new user.
            var provisional = PersonIds.Provisional(address);
            services.GetKeyedService<IProvisionalAddresses>(address.Channel)?.RememberProvisional(provisional, address);
            await context.Sender.ReplyAsync(provisional, new OutboundMessage(UnlinkedHere.Format(context.Language, channel, name, remaining)), ct);
            context.PersonId = provisional;
            context.Subscriber = null;
        }
        else
        {
            await context.ReplyAsync(Unlinked.Format(context.Language, channel, name, remaining), ct);
        }

        // The person hears of it where they still are, unless they did it from there.
        var notice = UnlinkedElsewhere.Format(context.Language, channel, Dates.At(clock.LocalNow, context.Language));
        await OtherAppsNotice.SendAsync(services, log, person, left.Where(a => a != context.Address), notice, ct);

        return CallbackReply.Silent;
    }

    private static bool IsOrigin(long person, ChannelAddress address) =>
        PersonIds.IsTelegramDerived(person) && address.TryTelegramId(out var id) && id == person;
}
