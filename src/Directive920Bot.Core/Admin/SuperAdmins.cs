using Directive920Bot.Channels;
using Directive920Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Admin;

/// <summary>
/// The bloc admins from configuration (<c>Bot:SuperAdmins</c>): person ids or addresses (<see cref="PersonReference"/>),
/// resolved through the person directory at each use, so an address names its person before and after consent, and
/// after a link.
/// </summary>
public sealed class SuperAdmins(IOptions<BotOptions> options, IPersonDirectory directory)
{
    /// <summary>The person ids the configured entries name now.</summary>
    public IReadOnlySet<long> Ids() =>
        options.Value.SuperAdmins.Select(entry => PersonReference.Resolve(entry, directory, beforeConsent: true)).OfType<long>().ToHashSet();

    public bool Contains(long personId) => Ids().Contains(personId);

    /// <summary>Those a message can be sent to: not an address nobody has consented from yet (its id is provisional).</summary>
    public IEnumerable<long> StoredIds() => Ids().Where(id => !PersonIds.IsProvisional(id));
}
