using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Directive920Bot.Questions;

/// <summary>
/// Lower-cases and folds diacritics (ASCIIFoldingFilter also folds đ/Đ to d), so "can bo" finds "cán bộ" and a cadre
/// typing without Vietnamese keyboard input still matches. Porter stemming is for the English texts; it runs on the
/// Vietnamese syllables too, which is harmless because index and question go through the same chain. With
/// <paramref name="shingles"/> it also emits two-word shingles ("can bo"), which make a short phrase outrank texts that
/// merely contain both syllables apart. Without <paramref name="fold"/> it keeps the diacritics, for the confidence check
/// of words the cadre typed with them.
/// </summary>
internal sealed class FoldingAnalyzer(bool shingles, bool fold = true) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        if (fold)
        {
            stream = new ASCIIFoldingFilter(stream);
        }

        stream = new PorterStemFilter(stream);
        if (shingles)
        {
            stream = new ShingleFilter(stream, 2, 2);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The folded, stemmed words of a text, in order.</summary>
    public IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream("text", text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
