using Directive920Bot.Storage;

namespace Directive920Bot.Reports;

/// <summary>The days each unit was nudged about each item (<see cref="NudgeMark"/>).</summary>
public interface INudgeMarks
{
    /// <summary>Adds <paramref name="mark"/> unless one with its id exists; false (and nothing written) when it does.</summary>
    bool TryAdd(ITransaction tx, NudgeMark mark);
}
