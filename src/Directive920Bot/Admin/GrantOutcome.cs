using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using LiteDB;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Admin;

public enum GrantOutcome
{
    Granted,
    AlreadyHeld,
    Revoked,
    NotHeld,
    UnknownUnit,
    UnitRequired,
}
