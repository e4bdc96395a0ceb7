using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;

namespace Directive920Bot.Sandbox;

public enum SandboxPersona
{
    /// <summary>A demo cadre, not registered yet: the newcomer registers them.</summary>
    Cadre,
    UnitAdmin,
    BlocAdmin,
}
