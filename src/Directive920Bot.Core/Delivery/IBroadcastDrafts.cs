using Directive920Bot.Storage;

namespace Directive920Bot.Delivery;

/// <summary>The bloc admins' /broadcast drafts, one per admin, kept so that a restart resumes them.</summary>
public interface IBroadcastDrafts
{
    BroadcastDraft? Find(long adminId);

    /// <summary>Stores the draft under its admin id, replacing theirs.</summary>
    void Save(ITransaction tx, BroadcastDraft draft);

    /// <summary>False when the admin had no draft.</summary>
    bool Delete(ITransaction tx, long adminId);
}
