using System.Reflection;
using System.Text.RegularExpressions;
using Directive920Bot.Channels;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Architecture;

/// <summary>
/// The rule of the channel seam for identities: features speak person ids, adapters speak channel addresses. Checked on
/// the features' public surface: no constructor or method of Directive920Bot.Core takes a chat (a channel's id for a
/// conversation), and what features send and receive names the person.
/// </summary>
public sealed class PersonIdSeamTests
{
    private static readonly Assembly Core = typeof(IChannelSender).Assembly;

    /// <summary>
    /// The outbound gate paces the channel's own requests and only adapters call it; its key is whatever the adapter
    /// paces by (Telegram: a chat), so it is the one place in Core that may say "chat".
    /// </summary>
    private static readonly Type[] ChannelPacing = [typeof(IOutboundGate), typeof(Directive920Bot.Delivery.PacingGate)];

    private static readonly Regex SendByChat = new(@"\b(TrySend\w*|Reply|Edit\w*)Async\([^,;]*ChatId\b", RegexOptions.Compiled);

    [Fact]
    public void No_public_constructor_or_method_of_the_features_takes_a_chat_id()
    {
        var offenders = Core.GetExportedTypes()
            .Where(t => !ChannelPacing.Contains(t))
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .OfType<MethodBase>()
                .SelectMany(m => m.GetParameters().Select(p => (Type: t, Member: m, Parameter: p))))
            .Where(x => x.Parameter.Name?.Contains("chat", StringComparison.OrdinalIgnoreCase) == true)
            .Select(x => $"{x.Type.FullName}.{x.Member.Name}({x.Parameter.Name})")
            .Distinct()
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void No_type_of_the_features_keeps_a_copy_of_a_chat_id()
    {
        // Subscribers, ledger rows, chunk members, watches and recipients once stored the Telegram chat beside the person;
        // the person's channel addresses are now the one source of where they are reached. (The inbox's chat keys are
        // the channel's own ordering keys of raw updates, strings, before any person is known.)
        var offenders = Core.GetTypes()
            .Where(t => !ChannelPacing.Contains(t) && !ChannelPacing.Contains(t.DeclaringType) && t.Namespace?.StartsWith("Directive920Bot", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.Name.EndsWith("ChatId", StringComparison.Ordinal) && (p.PropertyType == typeof(long) || p.PropertyType == typeof(long?)))
                .Select(p => $"{t.FullName}.{p.Name}"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void No_send_of_the_features_is_addressed_by_a_chat_id()
    {
        var core = Path.Combine(BotHarness.RepoRoot, "src", "Directive920Bot.Core");
        var offenders = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
            .Where(x => SendByChat.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(core, x.file)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_send_of_the_channel_sender_is_addressed_to_a_person()
    {
        var addressed = typeof(IChannelSender).GetMethods()
            .Where(m => m.GetParameters().FirstOrDefault()?.ParameterType == typeof(long))
            .ToList();

        Assert.NotEmpty(addressed);
        Assert.All(addressed, m => Assert.Equal("personId", m.GetParameters()[0].Name));
    }

    [Fact]
    public void The_context_a_handler_gets_names_the_person_and_their_address_not_a_chat_or_a_telegram_user()
    {
        var properties = typeof(BotContext).GetProperties().Select(p => p.Name).ToList();

        Assert.Contains(nameof(BotContext.PersonId), properties);
        Assert.Contains(nameof(BotContext.Address), properties);
        Assert.DoesNotContain(properties, p => p.Contains("Chat", StringComparison.Ordinal) || p == "UserId");
    }

    [Fact]
    public void Inbound_events_carry_person_ids()
    {
        Assert.Equal("PersonId", typeof(InboundQuizAnswer).GetConstructors().Single().GetParameters()[0].Name);
        Assert.Equal("PersonId", typeof(MembershipChange).GetConstructors().Single().GetParameters()[0].Name);
    }
}
