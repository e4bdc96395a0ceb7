namespace Directive920Bot.Channels;

/// <summary>Which role a command needs; checked by the router on the server before the handler runs.</summary>
public enum CommandAccess
{
    Anyone,
    Registered,
    UnitAdmin,
    BlocAdmin,
}
