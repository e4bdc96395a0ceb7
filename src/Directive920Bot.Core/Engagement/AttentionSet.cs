namespace Directive920Bot.Engagement;

/// <summary>
/// Deliveries whose acknowledgement must touch their watch at once: a reminder waits in the ledger, or the delivery is on
/// the unit's non-acknowledgement list. Any other watch is closed by the next reminder tick, which sees the
/// acknowledgement, so most acknowledgements read no watch at all. The set may hold more than it needs to (harmless):
/// an id is added before the write that needs it and removed only once that state is gone. Read from the store once,
/// on first use, through <paramref name="load"/>. Kept by the <see cref="IEscalations"/> implementation, whatever the store.
/// </summary>
public sealed class AttentionSet(Func<IEnumerable<string>> load)
{
    private readonly Lock gate = new();
    private HashSet<string>? ids;

    public bool Contains(string deliveryId)
    {
        lock (gate)
        {
            return Ids().Contains(deliveryId);
        }
    }

    public void Add(string deliveryId)
    {
        lock (gate)
        {
            Ids().Add(deliveryId);
        }
    }

    public void Remove(string deliveryId)
    {
        lock (gate)
        {
            ids?.Remove(deliveryId);
        }
    }

    private HashSet<string> Ids() => ids ??= [.. load()];
}
