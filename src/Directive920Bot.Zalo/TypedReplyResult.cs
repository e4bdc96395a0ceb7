namespace Directive920Bot.Zalo;

/// <summary>What a typed reply is: a choice (0-based), a number that names no choice, or not a choice at all.</summary>
public readonly record struct TypedReplyResult(TypedReplyKind Kind, int Index)
{
    public static readonly TypedReplyResult WrongNumber = new(TypedReplyKind.WrongNumber, -1);

    public static readonly TypedReplyResult NotAChoice = new(TypedReplyKind.NotAChoice, -1);

    public static TypedReplyResult Chose(int index) => new(TypedReplyKind.Choice, index);
}
