using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Delivery;

/// <summary>An admin's unfinished draft is their data too: /mydata shows it and /delete removes it.</summary>
public sealed class BroadcastDraftPersonalData(IBroadcastDrafts drafts) : IPersonalDataHolder
{
    private static readonly Loc Title = new("Thông báo đang soạn", "Announcement being drafted");

    private static readonly Loc Why = new("Bản nháp thông báo đồng chí đang soạn mà chưa gửi.", "An announcement you started and have not sent.");

    public string Name => "broadcastDraft";

    public IEnumerable<PersonalDataSection> Describe(long subscriberId, PersonalDataFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return drafts.Find(subscriberId) is null ? [] : [new PersonalDataSection(format.T(Title), format.T(Why), [])];
    }

    public object? Export(long subscriberId) => drafts.Find(subscriberId);

    public void Erase(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms) => drafts.Delete(tx, subscriberId);
}
