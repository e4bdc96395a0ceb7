using Directive920Bot.Localization;

namespace Directive920Bot.Questions;

internal static class QuestionTexts
{
    public static readonly Loc Usage = new(
        "Đồng chí gõ câu hỏi sau lệnh, ví dụ: /hoi lãnh đạo cần tham mưu như thế nào?",
        "Type the question after the command, for example: /ask what does the notice ask of leaders on advice?");

    public static readonly Loc TooLong = new(
        "Câu hỏi dài {0} ký tự. Đồng chí vui lòng hỏi ngắn gọn, không quá {1} ký tự.",
        "The question is {0} characters long. Please ask briefly, in at most {1} characters.");

    public static readonly Loc Heading = new(
        "🔎 <b>Nội dung khóa học về Thông báo 920-TB/TU liên quan đến câu hỏi:</b>",
        "🔎 <b>What the course on Notice 920-TB/TU says on this:</b>");

    public static readonly Loc ItemLabel = new("Nội dung {0}", "Item {0}");

    public static readonly Loc LessonLine = new("📖 Bài học: {0}", "📖 Lesson: {0}");

    public static readonly Loc SourceNote = new(
        "<i>Các đoạn trên tóm lược bài báo của Báo Nghệ An đưa tin về Thông báo 920-TB/TU, không trích nguyên văn Thông báo. "
        + "Mã nội dung (C1, L2…) là cách đánh số của khóa học, không phải số mục của Thông báo.</i>",
        "<i>These passages summarise a Nghệ An newspaper report of Notice 920-TB/TU; they are not the notice's wording. "
        + "Item ids (C1, L2…) are the course's own labels, not the notice's numbering.</i>");

    public static readonly Loc NotFound = new(
        "Chưa tìm thấy nội dung này trong Thông báo 920-TB/TU (theo các bài của khóa học). "
        + "Đồng chí có thể gửi câu hỏi cho cán bộ tuyên giáo để được giải đáp, hoặc gõ /baihoc để xem các bài đã nhận.",
        "Nothing on this was found in Notice 920-TB/TU (as the course presents it). "
        + "You can send the question to the propaganda staff for an answer, or type /lessons to see the lessons you have received.");

    public static readonly Loc ForwardButton = new("📨 Gửi câu hỏi cho cán bộ tuyên giáo", "📨 Send the question to the propaganda staff");

    public static readonly Loc Forwarded = new(
        "Đã gửi câu hỏi cho cán bộ tuyên giáo. Cảm ơn đồng chí.",
        "The question has been sent to the propaganda staff. Thank you.");

    public static readonly Loc ForwardedNote = new("📨 Đã gửi cho cán bộ tuyên giáo.", "📨 Sent to the propaganda staff.");

    public static readonly Loc OpenButton = new("📖 Mở {0}", "📖 Open {0}");
}
