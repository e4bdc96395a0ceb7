namespace Directive920Bot.Questions;

/// <summary>
/// Words that say nothing about what is asked: question words and particles in Vietnamese and English, and the
/// notice's own name, which every passage shares. They are folded and stemmed like the texts before use.
/// </summary>
internal static class StopWords
{
    public static readonly IReadOnlyList<string> All =
    [
        // Vietnamese question words, particles and function words.
        "là", "gì", "nào", "ai", "sao", "vì", "thế", "như", "có", "không", "được", "của", "và", "các", "những",
        "một", "cho", "với", "trong", "thì", "mà", "này", "đó", "kia", "ấy", "khi", "đã", "sẽ", "đang",
        "bị", "ra", "vào", "lên", "rồi", "nữa", "cũng", "hay", "hoặc", "nếu", "thì", "nhiêu", "giờ",
        "đâu", "ở", "đến", "tới", "theo", "nên", "phải", "muốn", "xin", "cho", "biết", "ạ",
        "nhé", "vậy", "chứ", "à", "ơi", "tôi", "mình", "em", "anh", "chị", "bạn", "ta", "họ", "nó",
        "người", "gồm", "nói", "để", "làm", "920", "tb", "nhiều", "rất", "lắm",
        "hôm", "nay", "ngày", "mai", "thể", "nhất", "hơn", "việc",

        // Greetings and thanks: small talk, not a question about the notice.
        "cảm", "ơn", "chào", "xin", "thank", "thanks", "hello", "hi", "ok", "bye",

        // English.
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "do", "does", "did", "what", "which", "who",
        "whom", "why", "how", "when", "where", "of", "to", "in", "on", "for", "with", "about", "and", "or", "by",
        "it", "its", "this", "that", "these", "those", "i", "me", "my", "we", "our", "you", "your", "they", "them",
        "their", "he", "she", "could", "should", "would", "will", "must", "may", "say", "says", "said",
        "tell", "notice", "from", "at", "as", "there", "any", "some", "much", "many", "please", "today", "one",
        "have", "has", "get", "if", "not", "no", "yes",
    ];

    /// <summary>Words that open small talk ("chào buổi sáng", "cảm ơn"): such a short message is not a question.</summary>
    public static readonly IReadOnlyList<string> Greetings = ["chào", "cảm", "hello", "hi", "thank", "thanks", "bye"];
}
