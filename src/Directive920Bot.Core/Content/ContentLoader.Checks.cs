namespace Directive920Bot.Content;

/// <summary>Checks across items: the same structure in every language, unique ids, tracks and clause coverage.</summary>
public static partial class ContentLoader
{
    private static IEnumerable<(Variant Vi, Variant En)> Pair(string folder, Dictionary<string, Variant> vi, Dictionary<string, Variant> en, DiagnosticBag bag)
    {
        foreach (var name in vi.Keys.Union(en.Keys).Order(StringComparer.Ordinal))
        {
            var hasVi = vi.TryGetValue(name, out var v);
            var hasEn = en.TryGetValue(name, out var e);
            if (!hasEn)
            {
                bag.Error(v!.File, 1, $"missing English variant: add {folder}/en/{name} (same file name, same id)");
            }
            else if (!hasVi)
            {
                bag.Error(e!.File, 1, $"missing Vietnamese variant: add {folder}/vi/{name} (same file name, same id)");
            }
            else
            {
                CompareStructure(v!, e!, bag);
                yield return (v!, e!);
            }
        }
    }

    /// <summary>Language-independent fields must agree; the difference is reported in the English file.</summary>
    private static void CompareStructure(Variant vi, Variant en, DiagnosticBag bag)
    {
        void Same<T>(string key, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                bag.Error(en.File, en.LineOf(key), $"'{key}' is {Show(b)} here but {Show(a)} in {vi.File}; it must be the same in both languages");
            }
        }

        Same("id", vi.Id, en.Id);
        Same("kind", vi.Kind, en.Kind);
        Same("order", vi.Order, en.Order);
        Same("clauses", string.Join(", ", vi.Clauses), string.Join(", ", en.Clauses));
        Same("audience", vi.Audience, en.Audience);
        Same("minutes", vi.Minutes, en.Minutes);
        Same("requireAck", vi.RequireAck, en.RequireAck);
        if (vi.Quiz.Count != en.Quiz.Count)
        {
            bag.Error(en.File, en.LineOf("quiz"), $"{en.Quiz.Count} quiz question(s) here but {vi.Quiz.Count} in {vi.File}");
            return;
        }

        foreach (var (a, b) in vi.Quiz.Zip(en.Quiz))
        {
            if (a.Id != b.Id)
            {
                bag.Error(en.File, b.Line, $"quiz question '{b.Id}' is '{a.Id}' at the same place in {vi.File}");
            }

            if (a.Options.Count != b.Options.Count)
            {
                bag.Error(en.File, b.OptionsLine, $"question '{b.Id}' has {b.Options.Count} options here but {a.Options.Count} in {vi.File}");
            }

            if (!a.Correct.SequenceEqual(b.Correct))
            {
                bag.Error(en.File, b.Line, $"question '{b.Id}': correct is [{string.Join(", ", b.Correct.Select(i => i + 1))}] here but [{string.Join(", ", a.Correct.Select(i => i + 1))}] in {vi.File}");
            }
        }
    }

    private static string Show<T>(T value) => value?.ToString() is { Length: > 0 } s ? $"'{s}'" : "missing";

    private static void CheckDuplicateIds(List<Variant> variants, DiagnosticBag bag)
    {
        foreach (var group in variants.Where(v => v.Id is not null).GroupBy(v => (v.Language, v.Id)))
        {
            var ordered = group.OrderBy(v => v.File, StringComparer.Ordinal).ToList();
            foreach (var dup in ordered.Skip(1))
            {
                bag.Error(dup.File, dup.LineOf("id"), $"duplicate id '{dup.Id}' (also used by {ordered[0].File})");
            }
        }
    }

    private static void CheckTrack(CurriculumResult curriculum, List<Variant> items, DiagnosticBag bag)
    {
        var lessons = items.Where(v => v.Kind is ItemKind.Lesson or ItemKind.Card && v.Id is not null).ToList();
        foreach (var order in lessons.Where(l => l.Order is not null).GroupBy(l => l.Order).Where(g => g.Count() > 1))
        {
            var first = order.OrderBy(l => l.File, StringComparer.Ordinal).First();
            foreach (var other in order.Where(o => o != first))
            {
                bag.Warning(other.File, other.LineOf("order"), $"order {order.Key} is also used by {first.File}");
            }
        }

        if (!curriculum.TrackGiven)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, line) in curriculum.TrackLines)
        {
            if (!seen.Add(id))
            {
                bag.Error(CurriculumFile, line, $"'{id}' is listed twice in track");
            }
            else if (items.Exists(v => v.Id == id && v.Kind == ItemKind.Announcement))
            {
                bag.Error(CurriculumFile, line, $"'{id}' is an announcement; track lists lessons and cards only");
            }
            else if (!lessons.Exists(l => l.Id == id))
            {
                bag.Error(CurriculumFile, line, $"unknown lesson id '{id}' in track");
            }
        }

        foreach (var lesson in lessons.Where(l => !seen.Contains(l.Id!)))
        {
            bag.Warning(lesson.File, lesson.LineOf("id"), $"'{lesson.Id}' is not in curriculum.yaml track, so it is never sent on the drip");
        }
    }

    private static void CheckCoverage(List<(Clause Clause, int Line)> clauses, List<Variant> items, DiagnosticBag bag)
    {
        var lessons = items.Where(v => v.Kind is ItemKind.Lesson or ItemKind.Card).ToList();
        var taught = lessons.SelectMany(l => l.Clauses).ToHashSet(StringComparer.Ordinal);
        var asked = lessons.SelectMany(l => l.Quiz).SelectMany(q => q.Cited).ToHashSet(StringComparer.Ordinal);
        foreach (var (clause, line) in clauses)
        {
            if (!taught.Contains(clause.Id))
            {
                bag.Warning(ClausesFile, line, $"clause {clause.Id} is covered by no lesson or card");
            }

            if (!asked.Contains(clause.Id))
            {
                bag.Warning(ClausesFile, line, $"no quiz question cites clause {clause.Id} in its explanation");
            }
        }
    }
}
