using Directive920Bot.Localization;

namespace Directive920Bot.Engagement;

internal static class EngagementTexts
{
    public static readonly Loc AckButton = new("✅ Đã đọc và cam kết thực hiện", "✅ I have read it and commit to it");
    public static readonly Loc ReceivedButton = new("✅ Đã nhận thông báo", "✅ Received");
    public static readonly Loc QuizFirstButton = new("📝 Trả lời câu hỏi để xác nhận", "📝 Answer the questions to acknowledge");
    public static readonly Loc AckedAt = new("✅ Đã xác nhận lúc {0}", "✅ Acknowledged at {0}");
    public static readonly Loc AckThanks = new("Cảm ơn đồng chí đã xác nhận!", "Thank you for acknowledging!");
    public static readonly Loc AckAlready = new("Đồng chí đã xác nhận nội dung này lúc {0}.", "You already acknowledged this at {0}.");
    public static readonly Loc DeliveryGone = new(
        "Tin nhắn này không còn hiệu lực. Đồng chí gõ /baihoc để mở lại bài học.",
        "This message is no longer valid. Type /lessons to open the lesson again.");
    public static readonly Loc ItemGone = new(
        "Nội dung này đã được gỡ bỏ nên không cần xác nhận nữa.",
        "This content has been withdrawn, so it no longer needs acknowledging.");
    public static readonly Loc NotYours = new("Nút này không dành cho đồng chí. Đồng chí gõ /baihoc để mở các bài của mình.", "This button is not meant for you. Type /lessons to open your own lessons.");
    public static readonly Loc QuizFirst = new(
        "Đồng chí vui lòng trả lời các câu hỏi của bài trước khi xác nhận.",
        "Please answer the lesson's questions before acknowledging.");
    public static readonly Loc QuizComing = new("Mời đồng chí trả lời các câu hỏi bên dưới.", "Please answer the questions below.");
    public static readonly Loc UnlockAck = new(
        "Đồng chí đã trả lời xong các câu hỏi của bài “{0}”. Mời đồng chí xác nhận:",
        "You have answered all questions of “{0}”. Please acknowledge:");
    public static readonly Loc UnlockedAbove = new(
        "Nút “Đã đọc và cam kết thực hiện” ở bài học phía trên đã mở.",
        "The “I have read it and commit to it” button on the lesson above is now open.");
    public static readonly Loc QuizDone = new(
        "Đồng chí đã trả lời đủ các câu hỏi; mời đồng chí bấm nút xác nhận.",
        "You have answered all the questions; please press the acknowledgement button.");

    public static readonly Loc QuestionHeader = new("❓ <b>Câu hỏi {0}/{1}</b> · {2}", "❓ <b>Question {0}/{1}</b> · {2}");
    public static readonly Loc ReviewHeader = new("🔁 <b>Ôn tập</b> · {0}", "🔁 <b>Review</b> · {0}");
    public static readonly Loc WeeklyHeader = new("🗓 <b>Ôn tập hằng tuần</b> · {0}", "🗓 <b>Weekly review</b> · {0}");
    public static readonly Loc ChooseAll = new("<i>Chọn tất cả các ý đúng rồi bấm “Gửi trả lời”.</i>", "<i>Tick every right option, then press “Send answer”.</i>");
    public static readonly Loc SubmitButton = new("📨 Gửi trả lời", "📨 Send answer");
    public static readonly Loc PickAtLeastOne = new("Đồng chí vui lòng chọn ít nhất một ý.", "Please tick at least one option.");
    public static readonly Loc YouChose = new("Đồng chí chọn: <b>{0}</b>", "You chose: <b>{0}</b>");
    public static readonly Loc Right = new("✅ Chính xác!", "✅ Correct!");
    public static readonly Loc Wrong = new("❌ Chưa chính xác. Đáp án đúng: <b>{0}</b>", "❌ Not quite. The right answer: <b>{0}</b>");
    public static readonly Loc RightShort = new("✅ Chính xác!", "✅ Correct!");
    public static readonly Loc WrongShort = new("❌ Chưa chính xác — câu này sẽ được ôn lại.", "❌ Not quite — this question will come back for review.");
    // The ids are the course's own numbering; the only source is a newspaper report of the notice, whose numbering is unknown.
    public static readonly Loc Basis = new(
        "📖 Căn cứ: nội dung {0} của khóa học (tóm lược bài báo tường thuật Thông báo 920-TB/TU, không trích nguyên văn)",
        "📖 Basis: item {0} of the course (a summary of a newspaper report of Notice 920-TB/TU, not a verbatim quote)");
    public static readonly Loc AlreadyAnswered = new(
        "Đồng chí đã trả lời câu này rồi; câu trả lời đầu tiên được ghi nhận.",
        "You have already answered this question; your first answer is the one recorded.");
    public static readonly Loc QuestionGone = new("Câu hỏi này không còn trong bài học.", "This question is no longer part of the lesson.");

    public static readonly Loc ReminderFallback = new(
        "🔔 Mời đồng chí đọc và xác nhận “Đã đọc và cam kết thực hiện”: <b>{0}</b>",
        "🔔 Please read and acknowledge: <b>{0}</b>");
    public static readonly Loc ReackNote = new("🔄 <b>Nội dung đã được cập nhật</b>\n{0}\n\nMời đồng chí đọc lại và xác nhận.\n\n", "🔄 <b>This content was updated</b>\n{0}\n\nPlease read it again and acknowledge.\n\n");

    public static readonly Loc ProgressTitle = new("📊 <b>Kết quả học tập của đồng chí</b>", "📊 <b>Your progress</b>");
    public static readonly Loc ProgressLessons = new("📚 Bài đã nhận: <b>{0}</b> · đã xác nhận: <b>{1}</b>", "📚 Lessons received: <b>{0}</b> · acknowledged: <b>{1}</b>");
    public static readonly Loc ProgressQuiz = new("📝 Trả lời đúng: <b>{0}</b> trên <b>{1}</b> câu đã trả lời", "📝 Correct answers: <b>{0}</b> of <b>{1}</b> answered");
    public static readonly Loc ProgressReview = new("🔁 Câu cần ôn lại: <b>{0}</b>", "🔁 Questions to review: <b>{0}</b>");
    public static readonly Loc ProgressStreak = new("Số bài liên tiếp xác nhận đúng hạn: <b>{0}</b>", "Lessons confirmed on time in a row: <b>{0}</b>");
    public static readonly Loc ProgressCheer = new("Cảm ơn đồng chí đã đồng hành! Gõ /baihoc để xem lại các bài.", "Thank you for keeping up! Type /lessons to see your lessons again.");
    public static readonly Loc ProgressEmpty = new(
        "Đồng chí chưa nhận bài học nào. Bài đầu tiên sẽ đến vào giờ làm việc tới.",
        "You have not received any lesson yet. The first one arrives in the next working hours.");

    public static readonly Loc LessonsTitle = new("📚 <b>Các bài đồng chí đã nhận</b>", "📚 <b>Your lessons</b>");
    public static readonly Loc LessonsHint = new("Bấm vào một bài để mở lại.", "Press a lesson to open it again.");
    public static readonly Loc LessonsEmpty = new("Đồng chí chưa nhận bài học nào.", "You have not received any lesson yet.");
    public static readonly Loc StatusAcked = new("✅ đã xác nhận", "✅ acknowledged");
    public static readonly Loc StatusWaiting = new("⏳ chờ xác nhận", "⏳ waiting");
    public static readonly Loc StatusReack = new("🔄 cần xác nhận lại", "🔄 re-acknowledgement requested");

    public static readonly Loc FeedbackAsk = new(
        "💬 <b>Góp ý về việc thực hiện Thông báo 920-TB/TU</b>\nĐồng chí muốn gửi góp ý kèm tên hay ẩn danh?\n<i>Góp ý ẩn danh không lưu bất kỳ thông tin nào về người gửi.</i>",
        "💬 <b>Feedback on carrying out Notice 920-TB/TU</b>\nDo you want to send it with your name or anonymously?\n<i>Anonymous feedback keeps nothing about the sender.</i>");
    public static readonly Loc FeedbackNamed = new("👤 Gửi kèm tên", "👤 With my name");
    public static readonly Loc FeedbackAnonymous = new("🕶 Gửi ẩn danh", "🕶 Anonymously");
    public static readonly Loc FeedbackCancelButton = new("✖️ Hủy", "✖️ Cancel");
    public static readonly Loc FeedbackType = new(
        "Mời đồng chí nhập nội dung góp ý (từ 10 đến 2000 ký tự).",
        "Please type your feedback (10 to 2000 characters).");
    public static readonly Loc FeedbackTooShort = new(
        "Nội dung góp ý cần ít nhất 10 ký tự. Đồng chí vui lòng nhập lại.",
        "The feedback needs at least 10 characters. Please type it again.");
    public static readonly Loc FeedbackTooLong = new(
        "Nội dung góp ý dài {0} ký tự, vượt quá 2000 ký tự. Đồng chí vui lòng rút gọn.",
        "The feedback is {0} characters, more than 2000. Please shorten it.");
    public static readonly Loc FeedbackPreview = new("Đồng chí xem lại góp ý ({0}):\n\n<blockquote>{1}</blockquote>", "Please check your feedback ({0}):\n\n<blockquote>{1}</blockquote>");
    public static readonly Loc FeedbackModeNamed = new("kèm tên", "with your name");
    public static readonly Loc FeedbackModeAnonymous = new("ẩn danh", "anonymous");
    public static readonly Loc FeedbackSend = new("📨 Gửi góp ý", "📨 Send");
    public static readonly Loc FeedbackThanks = new(
        "Cảm ơn đồng chí! Góp ý đã được chuyển tới Ban Tuyên giáo.",
        "Thank you! Your feedback has been passed to the Propaganda Department.");
    public static readonly Loc FeedbackCancelled = new("Đã hủy góp ý.", "Feedback cancelled.");
    public static readonly Loc FeedbackAlreadySent = new("Góp ý này đã được gửi.", "This feedback has already been sent.");
    public static readonly Loc FeedbackTextOnly = new("Đồng chí vui lòng nhập góp ý bằng chữ.", "Please type your feedback as text.");
}
