using System.Net;
using System.Text.RegularExpressions;
using Directive920Bot.Content;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Directive920Bot.Questions;

/// <summary>
/// An in-memory Lucene index over the course's own texts in both languages: the clause titles of clauses.yaml, every
/// paragraph of the single-item lessons and every quiz explanation. Immutable once built; <see cref="NoticeSearch"/>
/// swaps in a new one when the content reloads. No generative model: an answer is always a passage the propaganda
/// staff wrote and signed off.
/// </summary>
public sealed partial class NoticeIndex : IDisposable
{
    /// <summary>
    /// The lowest confidence that still answers. Tuned on the question set in the tests (see README "Ask the notice"):
    /// on-topic questions cover most of their rare words, off-topic ones (weather, football) at most a stray common one.
    /// </summary>
    public const double Threshold = 0.5;

    private const string TextName = "text";
    private const string Number = "n";
    private const int Candidates = 40;
    private const int MaxAnswers = 3;
    private const float BigramBoost = 1.5f;
    private const int SmallTalkWords = 2;

    private static readonly FoldingAnalyzer IndexAnalyzer = new(shingles: true);
    private static readonly FoldingAnalyzer TermAnalyzer = new(shingles: false);
    private static readonly FoldingAnalyzer ExactAnalyzer = new(shingles: false, fold: false);

    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly List<Passage> passages;
    private readonly List<HashSet<string>> passageTerms;
    private readonly List<HashSet<string>> passageExactTerms;
    private readonly Dictionary<string, int> vocabulary = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> exactVocabulary = new(StringComparer.Ordinal);
    private readonly HashSet<string> stopWords;
    private readonly HashSet<string> greetings;

    private NoticeIndex(List<Passage> passages)
    {
        this.passages = passages;
        passageTerms = passages.Select(p => TermAnalyzer.Terms(p.Searchable).ToHashSet(StringComparer.Ordinal)).ToList();
        passageExactTerms = passages.Select(p => ExactAnalyzer.Terms(p.Searchable).ToHashSet(StringComparer.Ordinal)).ToList();
        stopWords = StopWords.All.SelectMany(TermAnalyzer.Terms).ToHashSet(StringComparer.Ordinal);
        greetings = StopWords.Greetings.SelectMany(TermAnalyzer.Terms).ToHashSet(StringComparer.Ordinal);
        var similarity = new BM25Similarity();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(FoldingAnalyzer.Version, IndexAnalyzer) { Similarity = similarity }))
        {
            for (var i = 0; i < passages.Count; i++)
            {
                writer.AddDocument(new Document
                {
                    new TextField(TextName, passages[i].Searchable, Field.Store.NO),
                    new StoredField(Number, i),
                });
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = similarity };
        foreach (var terms in passageTerms)
        {
            foreach (var term in terms)
            {
                vocabulary[term] = vocabulary.GetValueOrDefault(term) + 1;
            }
        }

        foreach (var term in passageExactTerms.SelectMany(t => t))
        {
            exactVocabulary[term] = exactVocabulary.GetValueOrDefault(term) + 1;
        }
    }

    public IReadOnlyList<Passage> Passages => passages;

    /// <summary>Builds the index of a catalogue; the clause ids come from each passage (its "(L2)" citations) or its item.</summary>
    public static NoticeIndex Build(ContentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var lessonOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in catalog.Track.Where(i => i.Kind == ItemKind.Lesson && i.Clauses.Count == 1))
        {
            lessonOf.TryAdd(item.Clauses[0], item.Id);
        }

        var known = catalog.Clauses.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var list = new List<Passage>();
        foreach (var clause in catalog.Clauses)
        {
            var lesson = lessonOf.GetValueOrDefault(clause.Id);
            list.Add(new Passage([clause.Id], lesson, "vi", PassageKind.ClauseTitle, clause.TitleVi));
            list.Add(new Passage([clause.Id], lesson, "en", PassageKind.ClauseTitle, clause.TitleEn));
        }

        foreach (var item in catalog.Track)
        {
            foreach (var (language, text) in item.Texts)
            {
                foreach (var paragraph in Paragraphs(text.Html).Skip(1))
                {
                    // A lesson's paragraph is about the lesson's item even where it cites another; a paragraph of a summary
                    // or card covers several items at once and is indexed only where it names them.
                    var ids = item.Clauses.Count == 1 ? [item.Clauses[0]] : Cited(paragraph, known);

                    if (ids.Count > 0)
                    {
                        list.Add(new Passage(ids, LessonFor(ids, lessonOf), language, PassageKind.Lesson, paragraph));
                    }
                }

                foreach (var question in text.Quiz)
                {
                    var explanation = Plain(question.Explanation);
                    var ids = item.Clauses.Count == 1 ? [item.Clauses[0]] : Cited(explanation, known);

                    if (ids.Count > 0)
                    {
                        // The question's wording is searched too, but the cadre is shown the explanation, which states the point.
                        var searchable = explanation + " " + Plain(question.Question) + " " + string.Join(" ", question.Correct.Select(c => Plain(question.Options[c])));
                        list.Add(new Passage(ids, LessonFor(ids, lessonOf), language, PassageKind.Explanation, explanation) { Searchable = searchable });
                    }
                }
            }
        }

        return new NoticeIndex(list);
    }

    /// <summary>The 1–3 best passages about different items, or <see cref="AskAnswer.NotFound"/> below the threshold.</summary>
    public AskAnswer Ask(string question, string? language = null)
    {
        var all = Search(question, language);
        return all.Confidence >= Threshold ? all : AskAnswer.NotFound with { Confidence = all.Confidence };
    }

    /// <summary>The ranking whatever its confidence (for the evaluation and tuning).</summary>
    public AskAnswer Search(string question, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var folded = TermAnalyzer.Terms(question);
        var exact = ExactAnalyzer.Terms(question);
        var words = folded.Select(Correct).ToList();

        // A word typed with its diacritics must match them for the confidence: folded, "giảm cân" would pass for "giám … cán".
        var informative = words.Select((w, i) => new QueryWord(w, exact.Count == folded.Count && w == folded[i] && exact[i] != w ? exact[i] : null))
            .Where(w => !stopWords.Contains(w.Folded)).DistinctBy(w => w.Folded, StringComparer.Ordinal).ToList();
        if (informative.Count == 0 || (folded.Count > 0 && greetings.Contains(folded[0]) && informative.Count <= SmallTalkWords))
        {
            return AskAnswer.NotFound;
        }

        var query = new BooleanQuery();
        foreach (var word in informative)
        {
            query.Add(new TermQuery(new Term(TextName, word.Folded)), Occur.SHOULD);
        }

        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (!stopWords.Contains(words[i]) || !stopWords.Contains(words[i + 1]))
            {
                query.Add(new TermQuery(new Term(TextName, words[i] + " " + words[i + 1])) { Boost = BigramBoost }, Occur.SHOULD);
            }
        }

        var top = searcher.Search(query, Candidates).ScoreDocs;
        var chosen = new List<Passage>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        double confidence = 0;
        foreach (var hit in top)
        {
            var n = searcher.Doc(hit.Doc).GetField(Number).GetInt32Value()!.Value;
            var passage = passages[n];
            var coverage = Coverage(informative, n);
            if (chosen.Count == 0)
            {
                confidence = coverage;
            }
            else if (coverage < Threshold)
            {
                // A further passage is shown only when it answers on its own, not for sharing one word with the question.
                continue;
            }

            // Prefer the cadre's language among equally good passages about the same item; one passage per item.
            if (passage.ItemIds.All(covered.Contains))
            {
                continue;
            }

            var better = language is null || passage.Language == language ? passage : SameItemIn(language, passage, top) ?? passage;
            chosen.Add(better);
            covered.UnionWith(passage.ItemIds);
            if (chosen.Count == MaxAnswers)
            {
                break;
            }
        }

        return new AskAnswer(chosen, confidence);
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }

    private Passage? SameItemIn(string language, Passage passage, ScoreDoc[] top) =>
        top.Select(h => passages[searcher.Doc(h.Doc).GetField(Number).GetInt32Value()!.Value])
            .FirstOrDefault(p => p.Language == language && p.ItemIds.SequenceEqual(passage.ItemIds));

    /// <summary>The rarity-weighted share of the question's words the passage holds: a word no passage has weighs most.</summary>
    private double Coverage(List<QueryWord> words, int passage)
    {
        double total = 0, matched = 0;
        foreach (var word in words)
        {
            // Rarity of the word as typed: "cân" is rare in the course even though its folded "can" (cán bộ) is everywhere.
            var df = word.Exact is null ? vocabulary.GetValueOrDefault(word.Folded) : exactVocabulary.GetValueOrDefault(word.Exact);
            var weight = Math.Log(1 + ((passages.Count - df + 0.5) / (df + 0.5)));
            total += weight;
            if (word.Exact is null ? passageTerms[passage].Contains(word.Folded) : passageExactTerms[passage].Contains(word.Exact))
            {
                matched += weight;
            }
            else if (word.Exact is not null && df > 0 && passageTerms[passage].Contains(word.Folded))
            {
                // The same letters with other marks: a typo, or another word. A form the course never uses ("cân" beside
                // "cán") is taken as another word and counts nothing; one it uses elsewhere counts half.
                matched += weight / 2;
            }
        }

        return total == 0 ? 0 : matched / total;
    }

    /// <summary>A word of the question: folded (and corrected) for the search, as typed when it carries diacritics.</summary>
    private sealed record QueryWord(string Folded, string? Exact);

    /// <summary>A word the course never uses is replaced by the closest one it does (one typo, two in a long word).</summary>
    private string Correct(string word)
    {
        if (word.Length < 5 || vocabulary.ContainsKey(word) || stopWords.Contains(word))
        {
            return word;
        }

        var allowed = word.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestCount = 0;
        foreach (var (candidate, count) in vocabulary)
        {
            if (Math.Abs(candidate.Length - word.Length) > allowed)
            {
                continue;
            }

            var distance = Distance(word, candidate, allowed);
            if (distance < bestDistance || (distance == bestDistance && count > bestCount))
            {
                (best, bestDistance, bestCount) = (candidate, distance, count);
            }
        }

        return best is not null && bestDistance <= allowed ? best : word;
    }

    /// <summary>Optimal-string-alignment distance (a swap of neighbours is one typo), cut off above <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }

                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }
        }

        return d[a.Length, b.Length];
    }

    private static string? LessonFor(List<string> ids, Dictionary<string, string> lessonOf) =>
        ids.Count == 1 ? lessonOf.GetValueOrDefault(ids[0]) : null;

    private static List<string> Cited(string text, HashSet<string> known) =>
        ClauseId().Matches(text).Select(m => m.Value).Where(known.Contains).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The lesson's paragraphs and list lines as plain text, without its source footer.</summary>
    private static IEnumerable<string> Paragraphs(string html) =>
        html.Split('\n').Select(Plain).Where(p => p.Length > 0 && !Footer().IsMatch(p));

    private static string Plain(string html) => WebUtility.HtmlDecode(Tag().Replace(html, "")).Trim().TrimStart('•', '-', ' ');

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\b[CLSI][1-5]\b")]
    private static partial Regex ClauseId();

    [GeneratedRegex(@"^(Nguồn|Source)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Footer();
}
