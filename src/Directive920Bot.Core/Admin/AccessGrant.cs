namespace Directive920Bot.Admin;

/// <summary>What one user may do: their highest role and, for unit admins, the units they hold it for.</summary>
public sealed record AccessGrant(AdminRole Role, IReadOnlyList<string> Units)
{
    public static readonly AccessGrant Cadre = new(AdminRole.Cadre, []);

    public bool IsBlocAdmin => Role == AdminRole.BlocAdmin;

    public bool IsAdmin => Role >= AdminRole.UnitAdmin;
}
