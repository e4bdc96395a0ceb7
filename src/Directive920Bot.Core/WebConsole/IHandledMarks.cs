using Directive920Bot.Storage;

namespace Directive920Bot.WebConsole;

/// <summary>Which feedback items and unanswered questions are handled (<see cref="HandledMark"/>).</summary>
public interface IHandledMarks
{
    /// <summary>Adds the mark unless one with its id exists; false (and nothing written) when it does.</summary>
    bool TryAdd(ITransaction tx, HandledMark mark);

    /// <summary>The marks among <paramref name="ids"/>, by id.</summary>
    IReadOnlyDictionary<string, DateTime> Find(IReadOnlyCollection<string> ids);
}
