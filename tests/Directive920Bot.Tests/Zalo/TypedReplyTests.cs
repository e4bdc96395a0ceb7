using Directive920Bot.Zalo;

namespace Directive920Bot.Tests.Zalo;

public sealed class TypedReplyTests
{
    private static readonly string[] Labels = ["Đã đọc và cam kết", "Xem lại bài", "Hỏi về nội dung"];

    [Theory]
    [InlineData("1", 0)]
    [InlineData(" 1. ", 0)]
    [InlineData("một", 0)]
    [InlineData("Mot!", 0)]
    [InlineData("số 1", 0)]
    [InlineData("so 2", 1)]
    [InlineData("ba", 2)]
    [InlineData("đã đọc và cam kết", 0)]
    [InlineData("da doc va cam ket", 0)]
    [InlineData("xem lai", 1)]
    public void A_typed_reply_names_its_choice_by_number_word_or_label_with_or_without_diacritics(string typed, int expected)
    {
        var read = TypedReply.Read(typed, Labels);

        Assert.Equal(TypedReplyKind.Choice, read.Kind);
        Assert.Equal(expected, read.Index);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("bốn")]
    public void A_number_outside_the_choices_is_a_wrong_number(string typed) =>
        Assert.Equal(TypedReplyKind.WrongNumber, TypedReply.Read(typed, Labels).Kind);

    [Theory]
    [InlineData("xin chào")]
    [InlineData("")]
    [InlineData("bài")] // too short to name one choice by its words
    public void Free_text_is_not_a_choice(string typed) =>
        Assert.Equal(TypedReplyKind.NotAChoice, TypedReply.Read(typed, Labels).Kind);
}
