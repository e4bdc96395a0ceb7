namespace Directive920Bot.Admin;

public interface IAccessPolicy
{
    AccessGrant For(long userId);
}
