using Directive920Bot.Storage;

namespace Directive920Bot.Delivery;

/// <summary>Where each subscriber is in the drip track, as stored; how it moves is <see cref="TrackService"/>'s.</summary>
public interface ITrackPositions
{
    TrackPosition? Find(long subscriberId);

    /// <summary>Stores the position under its subscriber id, replacing theirs.</summary>
    void Save(ITransaction tx, TrackPosition position);

    void Delete(ITransaction tx, long subscriberId);
}
