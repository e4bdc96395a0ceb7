using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Registration;

namespace Directive920Bot.Reports;

/// <summary>
/// Computes unit, item and question reports from maintained aggregates only: the item and quiz counters, and the members
/// per unit that the subscriber and roster stores keep, and the few open review items; never people, roster entries or the ledger.
/// </summary>
public sealed class ReportService(ReportCounters counters, IUnits units, ISubscribers subscribers, IRoster roster, Engagement.IOpenReviews reviews,
    ContentService content, Delivery.ICampaigns campaigns, Hosting.BotClock clock)
{
    /// <summary>Every visible unit with its rolled-up figures, in tree order.</summary>
    public IReadOnlyList<UnitReport> Units(IReadOnlyCollection<string> visibleUnits)
    {
        ArgumentNullException.ThrowIfNull(visibleUnits);
        var all = units.All();
        var visible = visibleUnits.ToHashSet(StringComparer.Ordinal);
        var allCodes = all.Select(u => u.Code).ToList();
        var scope = visible.Count == all.Count ? (IReadOnlyCollection<string>)allCodes : units.SubTreeCodes(visible);
        var own = OwnFigures(scope);
        var titles = Titles(own.Values);
        return all.Where(u => visible.Contains(u.Code)).Select(u => RollUp(u, all, own, titles)).ToList();
    }

    /// <summary>One unit rolled up over its sub-tree, or null when unknown.</summary>
    public UnitReport? Unit(string code)
    {
        var root = units.Find(code);
        if (root is null)
        {
            return null;
        }

        var tree = units.SubTree(root.Code);
        var own = OwnFigures(tree.Select(u => u.Code).ToList());
        return RollUp(root, tree, own, Titles(own.Values));
    }

    /// <summary>One item across the visible units, per unit (not rolled up: each unit's own rows).</summary>
    public IReadOnlyList<(string UnitCode, ItemFigures Figures)> Item(string itemId, IReadOnlyCollection<string> visibleUnits)
    {
        var visible = visibleUnits.ToHashSet(StringComparer.Ordinal);
        var titles = Titles([itemId]);
        return counters.ItemsFor(itemId)
            .Where(c => visible.Contains(c.UnitCode))
            .Select(c => (c.UnitCode, Figures(itemId, [c], titles)))
            .OrderBy(x => x.UnitCode, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<QuestionFigures> Questions(IReadOnlyCollection<string> visibleUnits)
    {
        var questions = content.Current.Items.SelectMany(i => i.For("vi").Quiz.Select(q => (Item: i.Id, q))).ToDictionary(x => ReportCounters.QuestionKey(x.Item, x.q.Id), x => x, StringComparer.Ordinal);
        return counters.QuestionsIn(visibleUnits).GroupBy(c => c.QuestionId, StringComparer.Ordinal)
            .Select(g =>
            {
                var answered = g.Sum(c => c.Answered);
                var correct = g.Sum(c => c.Correct);
                var known = questions.TryGetValue(g.Key, out var q);
                return new QuestionFigures(g.Key, known ? q.Item : g.First().ItemId, known ? q.q.Question : g.Key, answered, correct, UnitReport.Ratio(correct, answered));
            })
            .OrderBy(q => q.Accuracy ?? 1).ThenBy(q => q.QuestionId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// What a cadre, a digest or a report calls an item: the lesson's title, or for a free-text announcement
    /// "Thông báo ngày 01/12: <its first words>" — never the internal <c>campaign:…</c> key.
    /// </summary>
    public string Title(string itemId, string language = Localization.Languages.Vietnamese)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        return Title(itemId, language, CampaignIdOf(itemId) is { } id ? campaigns.Find(id) : null);
    }

    private const string CampaignPrefix = "campaign:";

    /// <summary>The campaign an announcement's item id names, or null for a lesson.</summary>
    private static string? CampaignIdOf(string itemId) => itemId.StartsWith(CampaignPrefix, StringComparison.Ordinal) ? itemId[CampaignPrefix.Length..] : null;

    // campaign: the announcement's campaign when the item is one and it is still stored.
    private string Title(string itemId, string language, Delivery.Campaign? campaign)
    {
        var english = language == Localization.Languages.English;
        if (CampaignIdOf(itemId) is null)
        {
            return content.Current.Find(itemId)?.For(language).Title ?? itemId;
        }

        if (campaign is null)
        {
            return english ? "Announcement" : "Thông báo";
        }

        var plain = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(campaign.Html ?? campaign.Text ?? "", "<[^>]+>", " "));
        plain = string.Join(' ', plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (plain.Length > 40)
        {
            plain = plain[..40].TrimEnd() + "…";
        }

        var day = clock.ToLocal(campaign.LastOccurrenceAt ?? campaign.CreatedAt).ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture);
        var head = english ? $"Announcement of {day}" : $"Thông báo ngày {day}";
        return plain.Length == 0 ? head : $"{head}: {plain}";
    }

    private sealed class Own
    {
        public int Roster;
        public int Registered;
        public int Active;
        public int Blocked;
        public int Stopped;
        public int QuizParticipants;
        public int ReviewDue;
        public int TelegramOnly;
        public int ZaloOnly;
        public int BothChannels;
        public List<ItemCounter> Items { get; } = [];
    }

    private Dictionary<string, Own> OwnFigures(IReadOnlyCollection<string> codes)
    {
        var result = codes.ToDictionary(c => c, _ => new Own(), StringComparer.Ordinal);
        var whole = codes.Count == units.Count();
        // Members per unit come from the counts the stores keep with every write: a few small documents, not a read of
        // every person and roster entry.
        var members = whole ? subscribers.CountsByUnit() : subscribers.CountsByUnit(codes);
        var current = whole ? roster.CurrentByUnit() : roster.CurrentByUnit(codes);
        foreach (var (code, own) in result)
        {
            if (members.TryGetValue(code, out var count))
            {
                own.Registered = count.Registered;
                own.Active = count.Active;
                own.Blocked = count.Blocked;
                own.Stopped = count.Stopped;
                own.TelegramOnly = count.TelegramOnly;
                own.ZaloOnly = count.ZaloOnly;
                own.BothChannels = count.Both;
            }

            own.Roster = current.GetValueOrDefault(code);
        }

        foreach (var counter in whole ? counters.AllItems() : counters.ItemsIn(codes))
        {
            if (result.TryGetValue(counter.UnitCode, out var own))
            {
                own.Items.Add(counter);
            }
        }

        // Members with questions due for review: open review items are few (they close when answered right).
        foreach (var (code, due) in reviews.MembersDueByUnit())
        {
            if (result.TryGetValue(code, out var own))
            {
                own.ReviewDue = due;
            }
        }

        foreach (var (code, count) in counters.QuizParticipants())
        {
            if (result.TryGetValue(code, out var own))
            {
                own.QuizParticipants = count;
            }
        }

        return result;
    }

    /// <summary>
    /// Each item's title made once per report: a free-text announcement's title needs its campaign, and a bloc report
    /// names every item once per unit (126 units × 30 items). The campaigns of all the report's announcements are read
    /// in one query, not one round trip each (on PostgreSQL a round trip is most of a unit report's time).
    /// </summary>
    private Func<string, string> Titles(IEnumerable<Own> figures) => Titles(figures.SelectMany(o => o.Items).Select(c => c.ItemId));

    private Func<string, string> Titles(IEnumerable<string> itemIds)
    {
        var announced = itemIds.Select(CampaignIdOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var found = announced.Count == 0 ? [] : campaigns.FindMany(announced).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        return itemId =>
        {
            if (!known.TryGetValue(itemId, out var title))
            {
                var campaign = CampaignIdOf(itemId) is { } id ? found.GetValueOrDefault(id) : null;
                known[itemId] = title = Title(itemId, Localization.Languages.Vietnamese, campaign);
            }

            return title;
        };
    }

    private UnitReport RollUp(Unit root, IReadOnlyList<Unit> all, Dictionary<string, Own> own, Func<string, string> titles)
    {
        var tree = all.Where(u => u.Path.StartsWith(root.Path, StringComparison.Ordinal)).Select(u => own.GetValueOrDefault(u.Code)).OfType<Own>().ToList();
        var items = tree.SelectMany(o => o.Items).GroupBy(c => c.ItemId, StringComparer.Ordinal)
            .Select(g => Figures(g.Key, g.ToList(), titles))
            .OrderBy(i => Order(i.ItemId)).ThenBy(i => i.ItemId, StringComparer.Ordinal).ToList();
        return new UnitReport(root.Code, root.Name, root.Depth, root.ParentCode,
            tree.Sum(o => o.Roster), tree.Sum(o => o.Registered), tree.Sum(o => o.Active), tree.Sum(o => o.Blocked), tree.Sum(o => o.Stopped),
            tree.Sum(o => o.QuizParticipants), items.Sum(i => i.Delivered), items.Sum(i => i.Acknowledged), items, tree.Sum(o => o.ReviewDue),
            tree.Sum(o => o.TelegramOnly), tree.Sum(o => o.ZaloOnly), tree.Sum(o => o.BothChannels));
    }

    private static ItemFigures Figures(string itemId, List<ItemCounter> counters, Func<string, string> titles)
    {
        var histogram = new int[DelayBuckets.Count];
        foreach (var c in counters)
        {
            for (var i = 0; i < Math.Min(histogram.Length, c.Delays.Length); i++)
            {
                histogram[i] += c.Delays[i];
            }
        }

        var delivered = counters.Sum(c => c.Delivered);
        var onTime = counters.Sum(c => c.OnTime);
        var late = counters.Sum(c => c.Late);
        return new ItemFigures(itemId, titles(itemId), counters[0].Kind, delivered, onTime, late, UnitReport.Ratio(onTime + late, delivered),
            DelayBuckets.Median(histogram)?.TotalMinutes, counters.Sum(c => c.ReackRequested), counters.Sum(c => c.Reacknowledged));
    }

    private int Order(string itemId) => content.Current.Find(itemId)?.Order ?? int.MaxValue;
}
