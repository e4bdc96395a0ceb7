namespace Directive920Bot.Sandbox;

public enum SandboxPersona
{
    /// <summary>A demo cadre, not registered yet: the newcomer registers them.</summary>
    Cadre,
    UnitAdmin,
    BlocAdmin,
}
