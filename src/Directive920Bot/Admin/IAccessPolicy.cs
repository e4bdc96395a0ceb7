using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using LiteDB;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Admin;

public interface IAccessPolicy
{
    AccessGrant For(long userId);
}
