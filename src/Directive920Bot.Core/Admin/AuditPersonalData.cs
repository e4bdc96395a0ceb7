using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Admin;

/// <summary>
/// The audit entries a person did or that name them: shown in /mydata; on /delete the entries stay (an admin's action
/// must stay on record) but the person's id is taken out of them.
/// </summary>
public sealed class AuditPersonalData(IAuditEntries entries) : IPersonalDataHolder
{
    public string Name => "audit";

    public object? Export(long subscriberId) => entries.About(subscriberId)
        .Select(e => new { e.At, ByYou = e.Actor == subscriberId, e.Action, e.Target, e.Details })
        .ToList();

    public void Erase(ITransaction tx, long subscriberId, long pseudonym) => entries.Redact(tx, subscriberId);
}
