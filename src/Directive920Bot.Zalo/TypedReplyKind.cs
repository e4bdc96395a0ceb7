namespace Directive920Bot.Zalo;

public enum TypedReplyKind
{
    Choice,
    WrongNumber,
    NotAChoice,
}
